#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import CutoverCloud
import CutoverFormats
import Foundation

/// Mirrors S3 prefixes into a local cache folder, so that `FolderIngestor` reads S3 exactly as it reads a
/// local folder (job folders, manifests last, every event layout, incremental cursors).
///
/// Each call lists the prefixes and downloads only objects that are new or whose ETag or size changed. A
/// download goes to a temporary file that is renamed into place when complete, so a crash never leaves half
/// an object where the ingestor looks. Objects deleted from S3 stay in the cache.
public struct S3Mirror {
    public struct Report: Sendable, Equatable {
        public var objectsListed = 0
        public var downloaded = 0
        public var bytesDownloaded: UInt64 = 0
        /// Objects replaced or deleted between listing and download: the next poll picks them up.
        public var changedWhileReading = 0
        /// Objects that could not be mirrored (keys that cannot be a file path, local write failures), as
        /// `s3://bucket/key: reason`; the other objects were mirrored.
        public var problems: [String] = []
        public var retries = 0
    }

    let client: S3Client
    /// `<database folder>/.cutover-cache/s3`.
    public let cacheRoot: String

    public init(client: S3Client, cacheRoot: String) {
        self.client = client
        self.cacheRoot = cacheRoot
    }

    /// The cache folder for `databasePath`: `.cutover-cache/s3` beside the database.
    public static func cacheRoot(forDatabase databasePath: String) -> String {
        let folder = (databasePath as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".cutover-cache/s3")
    }

    /// The local folders that hold the copies of `uris`, for `FolderIngestor` (created if missing, so an empty
    /// prefix is an empty folder rather than a missing one).
    public static func folders(for uris: [S3URI], cacheRoot: String) throws -> [String] {
        var folders: [String] = []
        for uri in uris {
            let folder = S3CachePath.folder(root: cacheRoot, bucket: uri.bucket, prefix: uri.prefix)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !folders.contains(folder) { folders.append(folder) }
        }
        // A folder inside another would be scanned twice.
        return folders.filter { folder in !folders.contains { folder != $0 && folder.hasPrefix($0 + "/") } }
    }

    public func mirror(_ uris: [S3URI]) throws -> Report {
        var report = Report()
        let indexPath = cacheRoot + "/index.json"
        let partials = cacheRoot + "/.partial"
        try FileManager.default.createDirectory(atPath: partials, withIntermediateDirectories: true)
        var index = S3MirrorIndex.load(indexPath)
        let before = index
        // A poll cut short by an error still remembers what it downloaded.
        defer { if index != before { try? index.save(indexPath) } }
        for uri in uris {
            var token: String?
            repeat {
                let page = try client.listObjects(bucket: uri.bucket, prefix: uri.prefix, continuationToken: token)
                token = page.nextToken
                report.objectsListed += page.objects.count
                for object in page.objects {
                    try update(object, bucket: uri.bucket, index: &index, partials: partials, report: &report)
                }
            } while token != nil
        }
        report.retries = client.retries
        return report
    }

    private func update(
        _ object: S3Object, bucket: String, index: inout S3MirrorIndex, partials: String, report: inout Report
    ) throws {
        let target: String
        switch S3CachePath.placement(root: cacheRoot, bucket: bucket, key: object.key) {
        case .folderMarker: return
        case .unusable:
            report.problems.append("s3://\(bucket)/\(object.key): the key cannot be a file path; not mirrored")
            return
        case .file(let path): target = path
        }
        let entryKey = S3MirrorIndex.entryKey(bucket: bucket, key: object.key)
        let known = index.objects[entryKey]
        if known == S3MirrorIndex.Entry(etag: object.etag, size: object.size), Self.fileSize(target) == object.size {
            return
        }
        do {
            try download(object, bucket: bucket, to: target, partials: partials)
        } catch let error as AWSServiceError where error.code == "PreconditionFailed" || error.code == "NoSuchKey" {
            report.changedWhileReading += 1
            return
        } catch let error as S3MirrorError {
            report.problems.append("s3://\(bucket)/\(object.key): \(error.reason); not mirrored")
            return
        }
        index.objects[entryKey] = S3MirrorIndex.Entry(etag: object.etag, size: object.size)
        report.downloaded += 1
        report.bytesDownloaded += object.size
    }

    /// Streams the object to a file under `.partial/`, flushes it, then renames it over `target`.
    private func download(_ object: S3Object, bucket: String, to target: String, partials: String) throws {
        let partial = "\(partials)/\(UUID().uuidString)"
        guard let file = fopen(partial, "wb") else { throw S3MirrorError(errno) }
        var closed = false
        defer {
            if !closed { fclose(file) }
            unlink(partial)  // gone already after a successful rename
        }
        try client.getObject(bucket: bucket, key: object.key, etag: object.etag.isEmpty ? nil : object.etag) { chunk in
            guard let base = chunk.baseAddress, chunk.count > 0 else { return }
            guard fwrite(base, 1, chunk.count, file) == chunk.count else { throw S3MirrorError(errno) }
        }
        guard fflush(file) == 0, fsync(fileno(file)) == 0 else { throw S3MirrorError(errno) }
        closed = true
        guard fclose(file) == 0 else { throw S3MirrorError(errno) }
        do {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw S3MirrorError(reason: "its folder cannot be created in the cache")
        }
        guard rename(partial, target) == 0 else { throw S3MirrorError(errno) }
    }

    static func fileSize(_ path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt64(info.st_size)
    }
}

/// A local failure to store one object in the cache.
struct S3MirrorError: Error {
    var reason: String

    init(reason: String) {
        self.reason = reason
    }

    init(_ code: Int32) {
        reason = String(cString: strerror(code)).lowercased()
    }
}

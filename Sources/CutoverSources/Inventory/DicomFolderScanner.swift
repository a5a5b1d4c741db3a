import CutoverFormats
import CutoverStore
import Dispatch

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// `cutover inventory scan`: reads the header of every Part 10 file below a folder (on every core, never
/// the pixel data) and records each instance under the input key AHI will report: the key prefix plus the
/// path relative to the folder. Incremental: unchanged files (size and mtime) are not read again.
public final class DicomFolderScanner {
    public struct Options: Sendable {
        public var keyPrefix: String
        /// Every instance goes to this cohort.
        public var cohort: String?
        /// Or: the cohort is the first N components of the relative path.
        public var cohortDepth: Int?

        public init(keyPrefix: String = "", cohort: String? = nil, cohortDepth: Int? = nil) {
            self.keyPrefix = keyPrefix
            self.cohort = cohort
            self.cohortDepth = cohortDepth
        }
    }

    public struct Report: Sendable {
        public var files = 0
        public var unchanged = 0
        public var instances = 0
        /// Files that are not DICOM or cannot be read: path and reason, never their content.
        public var unreadable: [(path: String, reason: String)] = []
        public var transferSyntaxes: [String: Int] = [:]
    }

    let database: CutoverDatabase
    let threads: Int
    let chunkSize: Int

    public init(database: CutoverDatabase, threads: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
                chunkSize: Int = 2048) {
        self.database = database
        self.threads = threads
        self.chunkSize = chunkSize
    }

    /// Scans `root`; `progress` is told (files done, files to read) after each chunk.
    public func scan(root: String, options: Options, progress: ((Int, Int) -> Void)? = nil) throws -> Report {
        var report = Report()
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var info = stat()
        guard stat(base, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileReadError(path: root, reason: "not a folder")
        }
        var files: [SourceFile] = []
        collect(base, into: &files)
        report.files = files.count
        let cursors = try database.fileCursors()
        let pending = files.filter { file in
            guard let cursor = cursors[file.path] else { return true }
            return cursor.size != file.size || cursor.mtimeNanoseconds != file.mtimeNanoseconds
        }
        report.unchanged = files.count - pending.count

        var done = 0
        for start in stride(from: 0, to: pending.count, by: chunkSize) {
            let chunk = Array(pending[start..<min(start + chunkSize, pending.count)])
            let headers = readHeaders(chunk)
            try database.inventory { writer in
                for (file, header) in zip(chunk, headers) {
                    let relative = String(file.path.dropFirst(base.count + 1))
                    switch header {
                    case .success(let header):
                        if let record = record(header, relative: relative, size: file.size, options: options) {
                            try writer.add(record)
                            report.instances += 1
                            report.transferSyntaxes[header.transferSyntaxUID ?? "(no file meta)", default: 0] += 1
                        } else {
                            report.unreadable.append((file.path, "no Study, Series or SOP Instance UID"))
                        }
                    case .failure(let error):
                        report.unreadable.append((file.path, error.reason))
                    }
                    try writer.saveCursor(
                        FileCursor(
                            path: file.path, kind: "dicom", size: file.size, mtimeNanoseconds: file.mtimeNanoseconds,
                            offset: file.size))
                }
            }
            done += chunk.count
            progress?(done, pending.count)
        }
        return report
    }

    /// Reads the headers of `files` on `threads` threads; results in the files' order.
    private func readHeaders(_ files: [SourceFile]) -> [Result<DicomHeader, DicomReadError>] {
        let results = UnsafeMutableBufferPointer<Result<DicomHeader, DicomReadError>>.allocate(capacity: files.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        let workers = max(1, min(threads, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < files.count {
                let result = Result { () throws(DicomReadError) -> DicomHeader in
                    try DicomHeaderReader.read(path: files[index].path)
                }
                (output.baseAddress! + index).initialize(to: result)
                index += workers
            }
        }
        let array = Array(results)
        _ = results.deinitialize()
        return array
    }

    private func record(_ header: DicomHeader, relative: String, size: Int64, options: Options) -> InventoryRecord? {
        guard let study = header.studyInstanceUID, !study.isEmpty, let series = header.seriesInstanceUID,
            !series.isEmpty, let sop = header.sopInstanceUID, !sop.isEmpty
        else { return nil }
        var cohort = options.cohort
        if let depth = options.cohortDepth {
            let parts = relative.split(separator: "/")
            if parts.count > depth { cohort = parts.prefix(depth).joined(separator: "/") }
        }
        return InventoryRecord(
            inputKey: options.keyPrefix + relative, studyInstanceUID: study, seriesInstanceUID: series,
            sopInstanceUID: sop, sopClassUID: header.sopClassUID, transferSyntaxUID: header.transferSyntaxUID,
            modality: header.modality, numberOfFrames: header.numberOfFrames, sizeBytes: size,
            patientID: header.patientID, patientName: header.patientName, accessionNumber: header.accessionNumber,
            studyDate: header.studyDate, cohort: cohort)
    }

    /// Every regular file below `directory` (hidden ones left out), in path order.
    private func collect(_ directory: String, into files: inout [SourceFile]) {
        guard let dir = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(dir)
        for name in names.sorted() {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collect(path, into: &files)
            case S_IFREG:
                let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                files.append(SourceFile(path: path, role: .document, size: Int64(info.st_size), mtimeNanoseconds: mtime))
            default:
                continue
            }
        }
    }
}

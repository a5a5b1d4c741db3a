#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import CutoverCore
import CutoverFormats

/// Finds source files below the given paths: job output folders (`<datastoreId>-DicomImport-<jobId>/`
/// anywhere below), and candidate JSON documents (API responses, event files of any layout).
///
/// It only reads directories and `stat`s files, so an idle re-poll of a large tree stays cheap.
public enum FolderScanner {
    /// Extensions that may hold API responses or events. Firehose objects have none.
    static let documentExtensions: Set<String> = ["json", "ndjson", "jsonl", "txt", "gz", ""]

    /// Every candidate file, in processing order (documents, then job folders by path).
    /// Paths that do not exist or cannot be listed are returned in `problems`.
    public static func scan(_ roots: [String]) -> (files: [SourceFile], problems: [FileReadError]) {
        var files: [SourceFile] = []
        var problems: [FileReadError] = []
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                problems.append(FileReadError(path: root, reason: String(cString: strerror(errno)).lowercased()))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(root, jobFolder: nil, into: &files, problems: &problems)
            } else if let file = classify(path: root, jobFolder: jobFolder(of: root), info: info) {
                files.append(file)
            }
        }
        files.sort { a, b in
            let (x, y) = (a.order, b.order)
            return (x.phase, x.folder, x.rank, a.path) < (y.phase, y.folder, y.rank, b.path)
        }
        // One file named twice (overlapping roots) is read once.
        var seen = Set<String>()
        return (files.filter { seen.insert($0.path).inserted }, problems)
    }

    private static func walk(
        _ directory: String, jobFolder: JobFolderName?, into files: inout [SourceFile], problems: inout [FileReadError]
    ) {
        guard let dir = opendir(directory) else {
            problems.append(FileReadError(path: directory, reason: String(cString: strerror(errno)).lowercased()))
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }  // ., .., hidden and in-progress temporary files
            names.append(name)
        }
        for name in names.sorted() {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, jobFolder: JobFolderName(name) ?? jobFolder, into: &files, problems: &problems)
            } else if (info.st_mode & S_IFMT) == S_IFREG,
                let file = classify(path: path, jobFolder: jobFolder, info: info)
            {
                files.append(file)
            }
        }
    }

    /// The job folder a file path sits in, for a file named directly as a root.
    private static func jobFolder(of path: String) -> JobFolderName? {
        path.split(separator: "/").reversed().lazy.compactMap { JobFolderName($0) }.first
    }

    /// A regular file's size and mtime (as a document), or nil when it is missing or not a regular file.
    public static func file(at path: String) -> SourceFile? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return SourceFile(path: path, role: .document, size: Int64(info.st_size), mtimeNanoseconds: mtime)
    }

    static func classify(path: String, jobFolder: JobFolderName?, info: stat) -> SourceFile? {
        let parts = path.split(separator: "/")
        let name = parts.last.map(String.init) ?? path
        let parent = parts.count > 1 ? String(parts[parts.count - 2]) : ""
        let role: SourceFile.Role
        if let jobFolder {
            if name == "job-output-manifest.json" && parent == jobFolder.name {
                role = .manifest(jobFolder)
            } else if let outcome = Outcome.allCases.first(where: { path.hasSuffix("/" + $0.relativePath) }) {
                role = .results(jobFolder, outcome)
            } else {
                return nil
            }
        } else {
            let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
            guard documentExtensions.contains(ext) else { return nil }
            role = .document
        }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return SourceFile(path: path, role: role, size: Int64(info.st_size), mtimeNanoseconds: mtime)
    }
}

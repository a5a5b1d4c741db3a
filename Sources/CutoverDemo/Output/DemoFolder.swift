import Foundation

/// File operations on the demo directory, shaped for readers that poll it: appends of whole lines, and
/// whole-file replacements done by writing elsewhere and renaming, so nobody reads half a JSON document.
struct DemoFolder {
    let root: URL

    /// Outside the watched folders (`jobs`, `api`, `events`), so a poller never picks up a half-written file.
    static let scratch = ".cutover-demo-tmp"

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func ensureDirectory(_ relative: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        } catch { throw DemoWriterError.cannotWrite(path: path(relative), reason: "\(error)") }
    }

    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(relative)).map { [UInt8]($0) }
    }

    /// Complete lines in a file (0 when it is missing). A torn last line, left by an interrupted run, is cut
    /// off so the next append starts clean.
    func completeLineCount(_ relative: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path(relative)) else { return 0 }
        var lines = 0
        var lastNewline = -1
        data.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() where b == 10 {
                lines += 1
                lastNewline = i
            }
        }
        if lastNewline + 1 < data.count {
            do {
                let handle = try FileHandle(forWritingTo: root.appendingPathComponent(relative))
                defer { try? handle.close() }
                try handle.truncate(atOffset: UInt64(lastNewline + 1))
            } catch { throw DemoWriterError.cannotWrite(path: path(relative), reason: "\(error)") }
        }
        return lines
    }

    func createEmptyIfMissing(_ relative: String) throws {
        guard !exists(relative) else { return }
        guard FileManager.default.createFile(atPath: path(relative), contents: nil) else {
            throw DemoWriterError.cannotWrite(path: path(relative), reason: "could not create the file")
        }
    }

    func append(_ relative: String, _ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try createEmptyIfMissing(relative)
        do {
            let handle = try FileHandle(forWritingTo: root.appendingPathComponent(relative))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(bytes))
        } catch { throw DemoWriterError.cannotWrite(path: path(relative), reason: "\(error)") }
    }

    /// Writes the whole file under a scratch name, then renames it into place.
    func replace(_ relative: String, _ bytes: [UInt8]) throws {
        try replace(relative) { handle in try handle.write(contentsOf: Data(bytes)) }
    }

    /// The streaming form, for files too large to hold in memory (the bench inventory). An existing file with
    /// the same content is left alone, so writing the static files again after a restart changes nothing.
    func replace(_ relative: String, writing body: (FileHandle) throws -> Void) throws {
        try ensureDirectory(Self.scratch)
        let parent = (relative as NSString).deletingLastPathComponent
        if !parent.isEmpty { try ensureDirectory(parent) }
        let scratch = Self.scratch + "/" + relative.replacingOccurrences(of: "/", with: "__")
        _ = FileManager.default.createFile(atPath: path(scratch), contents: nil)
        do {
            let handle = try FileHandle(forWritingTo: root.appendingPathComponent(scratch))
            defer { try? handle.close() }
            try body(handle)
        } catch { throw DemoWriterError.cannotWrite(path: path(relative), reason: "\(error)") }
        if FileManager.default.contentsEqual(atPath: path(scratch), andPath: path(relative)) {
            try? FileManager.default.removeItem(atPath: path(scratch))
            return
        }
        guard rename(path(scratch), path(relative)) == 0 else {
            throw DemoWriterError.cannotWrite(path: path(relative), reason: "rename failed (errno \(errno))")
        }
    }

    /// Replaces the file only when its content differs, so an unchanged file keeps its modification time
    /// and a poller that watches size and mtime sees nothing new.
    func replaceIfChanged(_ relative: String, _ bytes: [UInt8]) throws {
        if read(relative) == bytes { return }
        try replace(relative, bytes)
    }

    /// Removes the scratch folder once everything is renamed into place, so the demo folder holds only what a
    /// real migration would.
    func removeScratch() {
        let scratch = path(Self.scratch)
        if let left = try? FileManager.default.contentsOfDirectory(atPath: scratch), left.isEmpty {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }

    func writeOnce(_ relative: String, _ bytes: @autoclosure () -> [UInt8]) throws {
        guard !exists(relative) else { return }
        try replace(relative, bytes())
    }
}

import CutoverStore
import Foundation

/// A temporary folder of source files and a real database beside it.
final class SourceTree {
    let root: URL
    let database: CutoverDatabase
    static let datastore = "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cutover-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        database = try CutoverDatabase(path: root.appendingPathComponent("cutover.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func append(_ relative: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent(relative))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// `<root>/out/<ds>-DicomImport-<job>/`
    func jobFolder(_ job: String) -> String { "out/\(Self.datastore)-DicomImport-\(job)" }

    static func success(_ key: String, set: String = "a1b2c3d4e5f60718293a4b5c6d7e8f90", primary: Bool = true) -> String {
        #"{"inputFile":"\#(key)","importResponse":{"imageSetId":"\#(set)","isPrimary":\#(primary)}}"# + "\n"
    }
}

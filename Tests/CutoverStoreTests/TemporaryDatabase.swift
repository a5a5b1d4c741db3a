import CutoverStore
import Foundation

/// A real SQLite file in a fresh temporary folder, removed with the folder.
final class TemporaryDatabase {
    let folder: URL
    let database: CutoverDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cutover-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try CutoverDatabase(path: folder.appendingPathComponent("cutover.sqlite").path)
    }

    var path: String { database.path }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

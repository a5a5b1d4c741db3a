import Foundation
import GRDB
import Testing

@testable import CutoverStore

/// The write-ahead log is copied back into the database file after big commits, off the writer's thread.
@Suite struct BackgroundCheckpointTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    /// Rows in the database file itself: a copy of the file alone, without its log, holds them.
    private func rowsInTheFileAlone() throws -> Int {
        let copy = store.folder.appendingPathComponent("file-alone.sqlite")
        try FileManager.default.copyItem(atPath: store.path, toPath: copy.path)
        return try DatabaseQueue(path: copy.path).read { db in
            try db.tableExists("filler") ? Int.fetchOne(db, sql: "SELECT count(*) FROM filler") ?? 0 : 0
        }
    }

    private func write(pages: Int) throws {
        try store.database.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS filler (x BLOB)")
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO filler SELECT randomblob(16000) FROM n
                    """, arguments: [pages])
        }
    }

    @Test func aCommitThatFillsTheLogPastTheThresholdIsCopiedBack() throws {
        try write(pages: Int(BackgroundCheckpoint.threshold) + 100)
        store.database.waitForCheckpoint()
        #expect(try rowsInTheFileAlone() == Int(BackgroundCheckpoint.threshold) + 100)
    }

    /// The checkpoint's own connection is closed before the writer's, so the writer closes last and SQLite
    /// folds the log into the file and removes it, at once (a process exiting next leaves no log behind).
    @Test(arguments: [10, Int(BackgroundCheckpoint.threshold) + 100])
    func aReleasedHandleLeavesNoLogBehind(pages: Int) throws {
        let path = store.folder.appendingPathComponent("released.sqlite").path
        do {
            let database = try CutoverDatabase(path: path)
            try database.write { db in
                try db.execute(sql: "CREATE TABLE filler (x BLOB)")
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        INSERT INTO filler SELECT randomblob(16000) FROM n
                        """, arguments: [pages])
            }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let rows = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") }
        #expect(rows == pages)
    }

    @Test func aSmallCommitStaysInTheLog() throws {
        try write(pages: 10)
        store.database.waitForCheckpoint()
        #expect(try rowsInTheFileAlone() == 0)
    }
}

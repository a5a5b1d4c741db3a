import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import CutoverStore

/// Product §9: read-only mode is enforced by the SQLite connection itself. The wallboard (`ReopeningLoader`) and
/// `--read-only`, `status` and `snapshot` (`StoreOptions.openDatabase(readOnly: true)`) all open the file as
/// `CutoverDatabase(path:readOnly: true)`: these tests open it that way and try to write through every
/// connection it has, going around the store's own API.
@Suite struct ReadOnlyConnectionTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    static let writes: [(name: String, sql: String)] = [
        ("insert", "INSERT INTO counters (name, value) VALUES ('read-only-test', 1)"),
        ("update", "UPDATE counters SET value = value + 1"),
        ("delete", "DELETE FROM counters"),
        ("create", "CREATE TABLE intruder (x)"),
        ("pragma write", "PRAGMA user_version = 99"),
    ]

    /// The result code SQLite gave for `sql` on `db`, or nil when it succeeded.
    private func failure(_ sql: String, on db: Database) -> ResultCode? {
        do {
            try db.execute(sql: sql)
            return nil
        } catch let error as DatabaseError {
            return error.resultCode
        } catch {
            return .SQLITE_ERROR
        }
    }

    @Test(arguments: writes.map(\.name))
    func everyWriteFailsWithReadOnlyOnTheWriterConnection(_ name: String) throws {
        let sql = Self.writes.first { $0.name == name }!.sql
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        let code = try readOnly.pool.writeWithoutTransaction { db in failure(sql, on: db) }
        #expect(code == .SQLITE_READONLY)
    }

    @Test(arguments: writes.map(\.name))
    func everyWriteFailsWithReadOnlyOnAReaderConnection(_ name: String) throws {
        let sql = Self.writes.first { $0.name == name }!.sql
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        let code = try readOnly.pool.unsafeReentrantRead { db in failure(sql, on: db) }
        #expect(code == .SQLITE_READONLY)
    }

    @Test func theStoreWriteEntryPointReportsReadOnly() throws {
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        #expect(throws: StoreError.readOnly(path: store.path)) {
            try readOnly.write { db in try db.execute(sql: "INSERT INTO counters (name, value) VALUES ('x', 1)") }
        }
    }

    /// SQLITE_OPEN_READONLY is what SQLite itself reports for the file on every connection of the handle.
    @Test func everyConnectionIsOpenedReadOnly() throws {
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        let writer = try readOnly.pool.writeWithoutTransaction { db in sqlite3_db_readonly(db.sqliteConnection, "main") }
        let reader = try readOnly.pool.unsafeReentrantRead { db in sqlite3_db_readonly(db.sqliteConnection, "main") }
        #expect(writer == 1)
        #expect(reader == 1)
    }

    /// The control: the same statements do succeed on a read-write handle, so the tests above can fail.
    @Test func aReadWriteHandleCanWrite() throws {
        let writer = try store.database.pool.writeWithoutTransaction { db in
            (sqlite3_db_readonly(db.sqliteConnection, "main"), Self.writes.map { failure($0.sql, on: db) })
        }
        #expect(writer.0 == 0)
        #expect(writer.1.allSatisfy { $0 == nil })
    }

    @Test func nothingChangesOnDiskAfterTheAttempts() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        for write in Self.writes {
            _ = try readOnly.pool.writeWithoutTransaction { db in failure(write.sql, on: db) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
        #expect(try readOnly.read { db in try db.tableExists("intruder") } == false)
    }
}

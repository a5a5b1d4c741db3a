import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API, for the hot paths only (ingest, inventory import,
/// the digests' pass over the inventory): it binds text straight from the line buffer and reads columns as
/// bytes (no Swift `String`, no `DatabaseValue` per value). Everything else goes through GRDB. Lives inside
/// one transaction; finalised when released.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "connection closed")
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        self.handle = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds bytes that stay valid until the next `step()` returns (SQLITE_STATIC: no copy).
    func bind(_ index: Int32, text: UnsafeRawBufferPointer) {
        if let base = text.baseAddress {
            sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
        } else {
            sqlite3_bind_text(handle, index, "", 0, nil)
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { return bindNull(index) }
        // The string's own UTF-8 with its length: passing a `String` as a C string would allocate a
        // NUL-terminated copy for every short one. SQLITE_TRANSIENT: SQLite copies, because the pointer is
        // only valid inside `withUTF8`.
        value.withUTF8 { text in
            let start = text.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            sqlite3_bind_text(handle, index, start ?? Self.empty, Int32(text.count), Self.transient)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { return bindNull(index) }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool?) { bind(index, value.map { $0 ? Int64(1) : Int64(0) }) }

    func bind(_ index: Int32, _ value: Double?) {
        guard let value else { return bindNull(index) }
        sqlite3_bind_double(handle, index, value)
    }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    /// Steps once; true when a row is available. Reset with `reset()` before binding again.
    @discardableResult
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(handle)
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Where an empty string points: it is never written, so sharing it across threads is safe.
    nonisolated(unsafe) private static let empty: UnsafePointer<CChar> = {
        let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    func int64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    /// A column's bytes, valid until the next step or reset; nil when NULL. Text as stored (UTF-8).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        // sqlite3_column_text before sqlite3_column_bytes, as SQLite documents, so the length is of the text.
        let start = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
    }

    func text(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// Rows changed by the last statement on the connection (0 when an insert met `DO NOTHING`).
    var changes: Int32 { sqlite3_changes(connection) }
}

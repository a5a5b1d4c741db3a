import GRDBSQLite

/// Tells whether another connection committed to the database since the last look (architecture §2: the
/// dashboard re-queries its visible page only then).
///
/// It reads `PRAGMA data_version` on a read-only connection of its own: the value changes when any *other*
/// connection (this process's `CutoverDatabase` included) commits, and never for this one, which writes nothing.
/// GRDB's observation cannot see other processes' writes, which is why this exists. Use from one thread.
///
/// ```swift
/// let watcher = try DataVersionWatcher(path: database.path)
/// if try watcher.hasChanged() { reload() }
/// ```
public final class DataVersionWatcher {
    public let path: String
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    private var lastVersion: Int64

    public init(path: String) throws {
        self.path = path
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let reason = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(connection)
            throw StoreError.cannotOpen(path: path, reason: reason)
        }
        sqlite3_busy_timeout(connection, 1000)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "PRAGMA data_version", -1, &statement, nil) == SQLITE_OK, let statement
        else {
            let message = String(cString: sqlite3_errmsg(connection))
            let failure = sqlite3_errcode(connection)
            sqlite3_close(connection)
            throw StoreError.sqlite(path: path, code: failure, message: message)
        }
        self.connection = connection
        self.statement = statement
        self.lastVersion = 0
        do {
            lastVersion = try readVersion()
        } catch {
            sqlite3_finalize(statement)
            sqlite3_close(connection)
            throw error
        }
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close(connection)
    }

    /// True when another connection committed since the previous call (or since `init` for the first one).
    public func hasChanged() throws -> Bool {
        let version = try readVersion()
        defer { lastVersion = version }
        return version != lastVersion
    }

    private func readVersion() throws -> Int64 {
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_ROW else {
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { throw StoreError.busy(path: path) }
            throw StoreError.sqlite(path: path, code: code, message: String(cString: sqlite3_errmsg(connection)))
        }
        return sqlite3_column_int64(statement, 0)
    }
}

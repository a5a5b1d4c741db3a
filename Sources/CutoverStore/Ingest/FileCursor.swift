import GRDB

/// How far a source file has been read: committed together with the rows read from it.
public struct FileCursor: Equatable, Sendable {
    public var id: Int64?
    public var path: String
    public var kind: String
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var offset: Int64
    public var line: Int

    public init(
        id: Int64? = nil, path: String, kind: String, size: Int64 = 0, mtimeNanoseconds: Int64 = 0, offset: Int64 = 0,
        line: Int = 0
    ) {
        self.id = id
        self.path = path
        self.kind = kind
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.offset = offset
        self.line = line
    }

    init(row: Row) {
        self.init(
            id: row["id"], path: row["path"], kind: row["kind"], size: row["size"], mtimeNanoseconds: row["mtime_ns"],
            offset: row["offset"], line: row["line"])
    }

    static func fetch(_ db: Database, path: String) throws -> FileCursor? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM ingest_files WHERE path = ?"), arguments: [path]).map(FileCursor.init)
    }

    static func fetchAll(_ db: Database) throws -> [String: FileCursor] {
        var all: [String: FileCursor] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM ingest_files")) {
            let cursor = FileCursor(row: row)
            all[cursor.path] = cursor
        }
        return all
    }

    func save(_ db: Database) throws -> Int64 {
        try db.executeCached(
            sql: """
                INSERT INTO ingest_files (path, kind, size, mtime_ns, offset, line) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, size = excluded.size,
                    mtime_ns = excluded.mtime_ns, offset = excluded.offset, line = excluded.line
                """, arguments: [path, kind, size, mtimeNanoseconds, offset, line])
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM ingest_files WHERE path = ?"), arguments: [path])!
    }
}

extension CutoverDatabase {
    /// Every file cursor, by path: one query per poll, so an idle re-poll only stats files.
    public func fileCursors() throws -> [String: FileCursor] {
        try read { try FileCursor.fetchAll($0) }
    }
}

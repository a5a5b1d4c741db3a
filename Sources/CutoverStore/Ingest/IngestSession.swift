import CutoverCore
import Foundation
import GRDB

/// Everything one ingest batch writes, inside one write transaction: rows, the cursors of the files they
/// came from, and the derived counters. Either all of it commits or none of it does, so a crash at any
/// point never double-counts or skips (product §9).
///
/// Obtain one through `CutoverDatabase.ingest(_:)`; it is only valid inside that closure.
public final class IngestSession {
    let db: Database
    var stats = IngestStats()

    // Hot-path statements (see IngestSession+Results).
    let findKey: RawStatement
    let insertKey: RawStatement
    let updateKeyCurrent: RawStatement
    let insertResult: RawStatement
    let insertWarning: RawStatement
    let findImageSet: RawStatement
    var nextResultID: Int64

    var counterDeltas: [String: Int64] = [:]
    var jobLineDeltas: [Int64: [Int64]] = [:]
    var imageSetCache: [String: ImageSetState] = [:]
    var lastImageSet: (bytes: [UInt8], id: String)?
    var jobsToReorder: Set<Int64> = []

    struct ImageSetState {
        var row: Int64
        var isPrimary: Bool?
        var version: Int?
    }

    init(db: Database) throws {
        self.db = db
        findKey = try RawStatement(
            db, "SELECT id, current_result, current_outcome, current_sort_at FROM input_keys WHERE key = ?")
        insertKey = try RawStatement(
            db, "INSERT INTO input_keys (key, current_result, current_outcome, current_sort_at) VALUES (?, ?, ?, ?)")
        updateKeyCurrent = try RawStatement(
            db, "UPDATE input_keys SET current_result = ?, current_outcome = ?, current_sort_at = ? WHERE id = ?")
        insertResult = try RawStatement(
            db,
            """
            INSERT INTO results (id, key, job, outcome, image_set, is_primary, image_set_version,
                                 exception_type, message, file, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertWarning = try RawStatement(
            db, "INSERT INTO result_warnings (result, code, type, message) VALUES (?, ?, ?, ?)")
        findImageSet = try RawStatement(db, "SELECT id, is_primary, version FROM image_sets WHERE image_set_id = ?")
        nextResultID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM results") ?? 0) + 1
    }

    /// Writes the counters and per-job line counts accumulated by this batch.
    func finish() throws {
        for job in jobsToReorder.sorted() {
            try Reconciler.recomputeCurrent(db, job: job)
        }
        try flushDeltas()
        if !jobsToReorder.isEmpty {
            try Reconciler.rebuildCounters(db)
        }
    }

    /// Adds the accumulated deltas to the stored counters and job line counts, and clears them.
    func flushDeltas() throws {
        for (name, delta) in counterDeltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            try db.execute(
                sql: """
                    INSERT INTO counters (name, value) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET value = value + excluded.value
                    """, arguments: [name, delta])
        }
        for (job, deltas) in jobLineDeltas.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: """
                    UPDATE jobs SET success_lines = success_lines + ?, warning_lines = warning_lines + ?,
                                    failure_lines = failure_lines + ? WHERE id = ?
                    """, arguments: [deltas[0], deltas[1], deltas[2], job])
        }
        counterDeltas = [:]
        jobLineDeltas = [:]
    }

    // MARK: - Cursors and quarantine

    /// Where a source file was read up to.
    public func cursor(path: String) throws -> FileCursor? {
        try FileCursor.fetch(db, path: path)
    }

    /// Records (or creates) the cursor of a file. Call after the rows from it were added in this session.
    @discardableResult
    public func save(_ cursor: FileCursor) throws -> Int64 {
        try cursor.save(db)
    }

    /// Sets a bad line or event aside with its file, line and first bytes; ingest goes on.
    public func quarantine(path: String, line: Int, offset: Int64, reason: String, excerpt: [UInt8]) throws {
        try db.execute(
            sql: """
                INSERT INTO quarantine (path, line, offset, reason, excerpt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(path, offset) DO NOTHING
                """, arguments: [path, line, offset, reason, Data(excerpt.prefix(64))])
        if db.changesCount > 0 { stats.quarantined += 1 }
    }

    /// Remembers the time of a poll or ingest run (`lastPoll` in status).
    public func recordPoll(source: String, startedAt: Double, finishedAt: Double, ok: Bool, message: String?) throws {
        try db.execute(
            sql: "INSERT INTO polls (source, started_at, finished_at, ok, message, new_rows) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [source, startedAt, finishedAt, ok, message, stats.newRows])
    }

    public var statistics: IngestStats { stats }
}

/// What one ingest added.
public struct IngestStats: Equatable, Sendable {
    public var results = [0, 0, 0]
    public var eventsAdded = 0
    public var eventsDuplicate = 0
    public var jobsSeen = 0
    public var manifests = 0
    public var quarantined = 0

    public init() {}

    public var newRows: Int { results.reduce(0, +) + eventsAdded + manifests }

    public mutating func add(_ other: IngestStats) {
        for i in 0..<3 { results[i] += other.results[i] }
        eventsAdded += other.eventsAdded
        eventsDuplicate += other.eventsDuplicate
        jobsSeen += other.jobsSeen
        manifests += other.manifests
        quarantined += other.quarantined
    }
}

extension CutoverDatabase {
    /// Runs one ingest batch in a single write transaction.
    public func ingest<T>(_ body: (IngestSession) throws -> T) throws -> T {
        try write { db in
            let session = try IngestSession(db: db)
            let value = try body(session)
            try session.finish()
            return value
        }
    }
}

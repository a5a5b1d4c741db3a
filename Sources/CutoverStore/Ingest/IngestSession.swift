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
    let insertKey: RawStatement
    let insertKeys: RawStatement
    let findKey: RawStatement
    let replaceCurrent: RawStatement
    let insertHistory: RawStatement
    let insertDetail: RawStatement
    let insertWarning: RawStatement
    let findImageSet: RawStatement
    let insertImageSet: RawStatement
    let updateImageSet: RawStatement
    var pendingKeys = PendingKeys()
    /// The next result's sequence number; stored in `counters` when the batch commits.
    var nextSeq: Int64

    var counterDeltas: [String: Int64] = [:]
    /// Current outcomes added minus replaced, by `Outcome.code`: kept apart from `counterDeltas` so the
    /// per-line path builds no strings.
    var currentDeltas: [Int64] = [0, 0, 0]
    var jobLineDeltas: [Int64: [Int64]] = [:]
    /// Lines of the job being read, flushed into `jobLineDeltas` when the job changes.
    var currentJobLines: (job: Int64, lines: [Int64])?
    /// Image sets seen in this batch, by a hash of their id (see IngestSession+ImageSets).
    var imageSetCache: [UInt64: ImageSetState] = [:]
    var jobsToReorder: Set<Int64> = []
    /// What this batch changed, for deriving findings at its end.
    var touchedJobs: Set<Int64> = []
    var touchedImageSets: Set<Int64> = []

    struct ImageSetState {
        var id: String
        var row: Int64
        var isPrimary: Bool?
        var version: Int?
    }

    init(db: Database) throws {
        self.db = db
        // Most keys are new: the insert comes first, and the key is read back only when it already exists.
        insertKey = try RawStatement(
            db,
            """
            INSERT INTO input_keys (key, seq, job, sort_at, outcome, image_set, is_primary, image_set_version,
                                    detail, file, line)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            ON CONFLICT(key) DO NOTHING
            """)
        insertKeys = try RawStatement(db, Self.insertKeysSQL)
        findKey = try RawStatement(
            db,
            """
            SELECT seq, job, sort_at, outcome, image_set, is_primary, image_set_version, detail, file, line
            FROM input_keys WHERE key = ?1
            """)
        replaceCurrent = try RawStatement(
            db,
            """
            UPDATE input_keys SET seq = ?2, job = ?3, sort_at = ?4, outcome = ?5, image_set = ?6, is_primary = ?7,
                image_set_version = ?8, detail = ?9, file = ?10, line = ?11
            WHERE key = ?1
            """)
        insertHistory = try RawStatement(
            db,
            """
            INSERT INTO result_history (key, seq, job, sort_at, outcome, image_set, is_primary, image_set_version,
                                        detail, file, line)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        insertDetail = try RawStatement(db, "INSERT INTO result_details (exception_type, message) VALUES (?, ?)")
        insertWarning = try RawStatement(
            db, "INSERT INTO result_warnings (detail, code, type, message) VALUES (?, ?, ?, ?)")
        findImageSet = try RawStatement(db, "SELECT id, is_primary, version FROM image_sets WHERE image_set_id = ?")
        insertImageSet = try RawStatement(
            db,
            """
            INSERT INTO image_sets (image_set_id, datastore_id, first_job, is_primary, version)
            VALUES (?1, coalesce(?2, (SELECT datastore_id FROM jobs WHERE id = ?3)), ?3, ?4, ?5)
            """)
        updateImageSet = try RawStatement(db, "UPDATE image_sets SET is_primary = ?, version = ? WHERE id = ?")
        nextSeq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM counters WHERE name = 'next.seq'")) ?? 1
    }

    /// Writes the counters and per-job line counts accumulated by this batch.
    func finish() throws {
        try flushDeltas()
        if !jobsToReorder.isEmpty {
            try Reconciler.reorder(db, jobs: jobsToReorder)
            try Reconciler.rebuildCounters(db)
        }
        let now = Date().timeIntervalSince1970
        for job in touchedJobs.union(jobsToReorder).sorted() {
            try FindingsDeriver.derive(db, job: job, now: now)
        }
        try FindingsDeriver.derive(db, imageSets: touchedImageSets, now: now)
        if stats.results.reduce(0, +) > 0 { try FindingsDeriver.resolveArrived(db, now: now) }
    }

    /// Adds the accumulated deltas to the stored counters and job line counts, and clears them.
    func flushDeltas() throws {
        try flushPendingKeys()
        flushJobLines()
        try db.executeCached(
            sql: """
                INSERT INTO counters (name, value) VALUES ('next.seq', ?)
                ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """, arguments: [nextSeq])
        for outcome in Outcome.allCases where currentDeltas[outcome.code] != 0 {
            counterDeltas[Reconciler.currentCounter(outcome), default: 0] += currentDeltas[outcome.code]
        }
        currentDeltas = [0, 0, 0]
        for (name, delta) in counterDeltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            try db.executeCached(
                sql: """
                    INSERT INTO counters (name, value) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET value = value + excluded.value
                    """, arguments: [name, delta])
        }
        for (job, deltas) in jobLineDeltas.sorted(by: { $0.key < $1.key }) {
            try db.executeCached(
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
        try db.executeCached(
            sql: """
                INSERT INTO quarantine (path, line, offset, reason, excerpt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(path, offset) DO NOTHING
                """, arguments: [path, line, offset, reason, Data(excerpt.prefix(64))])
        if db.changesCount > 0 { stats.quarantined += 1 }
    }

    /// Remembers the time of a poll or ingest run (`lastPoll` in status), with the rows it added: `newRows`
    /// when the run spread over earlier sessions, else this session's.
    public func recordPoll(
        source: String, startedAt: Double, finishedAt: Double, ok: Bool, message: String?, newRows: Int? = nil
    ) throws {
        try db.executeCached(
            sql: "INSERT INTO polls (source, started_at, finished_at, ok, message, new_rows) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [source, startedAt, finishedAt, ok, message, newRows ?? stats.newRows])
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
            // New results, events, manifests or job updates change what the digests summarise; the poll row
            // and cursor bookkeeping of an idle poll do not.
            let stats = session.statistics
            if stats.newRows > 0 || stats.jobsSeen > 0 { try Self.advanceGeneration(db) }
            return value
        }
    }
}

import Foundation
import GRDB

/// What the cohort pages and gates need from the million-row tables, for one cohort: its summary and the
/// source transfer syntaxes of its inventory.
///
/// Digests are computed once per data generation (a counter that every ingest, inventory import and cohort
/// definition advances) and kept in `cohort_digests`, so the dashboard reads a few small rows instead of
/// scanning the inventory on every page switch (architecture §2).
public struct CohortDigest: Codable, Equatable, Sendable {
    public struct SyntaxCount: Codable, Equatable, Sendable {
        public var transferSyntax: String?
        public var sopClass: String?
        public var instances: Int
        /// Set when image set metadata listed these instances: what AHI stores (nil there means the data
        /// store's format), not a prediction.
        public var known: Bool?
        public var stored: String?
    }

    public var summary: CohortSummary
    public var syntaxes: [SyntaxCount]
    /// Regions named by events (the same for every cohort): residency looks at them.
    public var eventRegions: [String]
    /// Imported instances in image sets whose metadata was read, and how many of them it does not list.
    public var metadataChecked: Int?
    public var metadataAbsent: Int?
}

extension CutoverDatabase {
    /// Advances the data generation: digests computed before it are stale. Called inside the writing
    /// transaction, so a digest can never be newer than the data it summarises.
    static func advanceGeneration(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('data_generation', '1')
                ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
                """)
    }

    /// The current data generation.
    static func generation(_ db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_generation'") ?? "0") ?? 0
    }

    /// How old the stored digests may be for a read-only handle to show them while newer data is unsummarised.
    static let digestLag: Double = 60

    /// Brings the stored digests up to date; writers call it after changing data, so that readers (even
    /// read-only ones) find them fresh.
    public func refreshCohortDigests() throws {
        _ = try cohortDigests()
    }

    /// Every cohort's digest, by name: from `cohort_digests` when they are of the current generation,
    /// otherwise computed from the big tables and, on a writable database, stored for the next reader.
    ///
    /// A read-only handle (`--read-only`, the wallboard) cannot store what it computes, so while a poller is
    /// writing it would rescan the big tables on every page load. It takes the digests the writer stored last
    /// instead (the writer refreshes them after each poll), unless they are older than `digestLag` (a writer
    /// that stopped before refreshing) or do not cover every cohort; then it computes them.
    public func cohortDigests(now: Double = Date().timeIntervalSince1970) throws -> [String: CohortDigest] {
        // `exact`: the digests hold for `generation` (not a read-only handle's lagging ones).
        let (generation, cached, exact) = try read { db -> (Int64, [String: CohortDigest]?, Bool) in
            let generation = try Self.generation(db)
            // A process keeps the last digests it read: it decodes (or, read-only on a database from before the
            // digest table, computes) them once per generation, not once per call.
            if let remembered = digestMemo.value(generation: generation) { return (generation, remembered, true) }
            guard try db.tableExists("cohort_digests") else { return (generation, nil, true) }
            let storedAt = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'digests.stored_at'")
                .flatMap(Double.init)
            if isReadOnly, let storedAt, now - storedAt <= Self.digestLag,
                let stored = try Int64.fetchOne(db, sql: "SELECT max(generation) FROM cohort_digests")
            {
                if let remembered = laggingDigestMemo.value(generation: stored) { return (generation, remembered, false) }
                if let digests = try Self.storedDigests(db, generation: stored) {
                    laggingDigestMemo.remember(digests, generation: stored)
                    return (generation, digests, stored == generation)
                }
            }
            return (generation, try Self.storedDigests(db, generation: generation), true)
        }
        if let cached {
            if exact { digestMemo.remember(cached, generation: generation) }
            return cached
        }
        let (fresh, ids) = try read { db in (try computeDigests(db), try cohortIDs(db)) }
        if !isReadOnly {
            try write { db in
                // Stored only if nothing was written meanwhile; otherwise the next reader computes again.
                guard try Self.generation(db) == generation else { return }
                try db.execute(sql: "DELETE FROM cohort_digests")
                try db.execute(
                    sql: """
                        INSERT INTO meta (key, value) VALUES ('digests.stored_at', ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, arguments: [String(now)])
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                for (name, digest) in fresh {
                    guard let id = ids[name] else { continue }
                    try db.execute(
                        sql: "INSERT INTO cohort_digests (cohort, generation, digest) VALUES (?, ?, ?)",
                        arguments: [id, generation, String(decoding: try encoder.encode(digest), as: UTF8.self)])
                }
            }
        }
        digestMemo.remember(fresh, generation: generation)
        return fresh
    }

    /// The digests stored for `generation`, if they cover every cohort.
    private static func storedDigests(_ db: Database, generation: Int64) throws -> [String: CohortDigest]? {
        let cohorts = try Int.fetchOne(db, sql: "SELECT count(*) FROM cohorts") ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.name, d.digest FROM cohort_digests d JOIN cohorts c ON c.id = d.cohort
                WHERE d.generation = ?
                """, arguments: [generation])
        guard rows.count == cohorts else { return nil }
        var digests: [String: CohortDigest] = [:]
        for row in rows {
            guard var digest = try? JSONDecoder().decode(CohortDigest.self, from: Data((row["digest"] as String).utf8))
            else { return nil }
            // The cohorts table names the cohort; the digest only counts it.
            digest.summary.name = row["name"]
            digests[row["name"]] = digest
        }
        return digests
    }

    private func cohortIDs(_ db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") { ids[row["name"]] = row["id"] }
        return ids
    }

    private func computeDigests(_ db: Database) throws -> [String: CohortDigest] {
        var syntaxes: [Int64: [CohortDigest.SyntaxCount]] = [:]
        // Stored syntaxes are known for instances whose image set metadata was read: found through the
        // instance's current result (its image set) and its SOP Instance UID.
        let haveMetadata = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM image_set_instances)") ?? false
        // The rows are counted by SyntaxTally rather than by GROUP BY (see there); without metadata the table is
        // read in its own order, which is cheaper than following the cohort index back to every row.
        let sql =
            haveMetadata
            ? """
            SELECT i.cohort, i.transfer_syntax_uid, i.sop_class_uid, m.stored_ts, m.image_set IS NOT NULL
            FROM inventory i LEFT JOIN input_keys k ON k.key = i.key
            LEFT JOIN image_set_instances m ON m.image_set = k.image_set AND m.sop_uid = i.sop_uid
            WHERE i.cohort IS NOT NULL
            """
            : """
            SELECT cohort, transfer_syntax_uid, sop_class_uid, NULL, 0 FROM inventory NOT INDEXED
            WHERE cohort IS NOT NULL
            """
        var tally = SyntaxTally()
        try tally.count(RawStatement(db, sql))
        for group in tally.sortedGroups {
            syntaxes[group.cohort, default: []].append(
                .init(
                    transferSyntax: group.transferSyntax, sopClass: group.sopClass, instances: group.instances,
                    known: group.known ? true : nil, stored: group.stored))
        }
        let ids = try cohortIDs(db)
        let regions = try String.fetchAll(db, sql: "SELECT DISTINCT region FROM events WHERE region IS NOT NULL ORDER BY 1")
        var checked: [Int64: (Int, Int)] = [:]
        if haveMetadata {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT i.cohort, count(*) AS checked, sum(m.sop_uid IS NULL) AS absent
                    FROM inventory i JOIN input_keys k ON k.key = i.key
                    JOIN image_set_metadata md ON md.image_set = k.image_set AND md.found = 1
                    LEFT JOIN image_set_instances m ON m.image_set = k.image_set AND m.sop_uid = i.sop_uid
                    WHERE i.cohort IS NOT NULL AND k.outcome IN (0, 1) GROUP BY 1
                    """)
            {
                checked[row["cohort"]] = (row["checked"], row["absent"])
            }
        }
        var digests: [String: CohortDigest] = [:]
        for summary in try liveCohortSummaries(db) {
            let id = ids[summary.name]
            digests[summary.name] = CohortDigest(
                summary: summary, syntaxes: id.flatMap { syntaxes[$0] } ?? [], eventRegions: regions,
                metadataChecked: id.flatMap { checked[$0]?.0 }, metadataAbsent: id.flatMap { checked[$0]?.1 })
        }
        return digests
    }
}

/// Values one process computed from the big tables, each with the generation it holds for.
final class GenerationMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (generation: Int64, value: Value)] = [:]

    func value(_ key: String = "", generation: Int64) -> Value? {
        lock.withLock { entries[key].flatMap { $0.generation == generation ? $0.value : nil } }
    }

    func remember(_ value: Value, _ key: String = "", generation: Int64) {
        lock.withLock { entries[key] = (generation, value) }
    }
}

import CutoverCore
import Foundation
import GRDB

/// Derives findings from the data and merges them into `findings`: a condition that appears opens a finding
/// (or reopens a resolved one); one that disappears resolves it unless someone waived it. Runs at the end of
/// an ingest batch over what the batch touched — the key ranges of its jobs, its image sets — so a poll never
/// rescans everything, and a successful retry resolves its findings by itself.
enum FindingsDeriver {
    /// Key-level findings and split studies for the keys under one job's input prefix.
    static func derive(_ db: Database, job: Int64, now: Double) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT input_s3_uri, status, has_manifest, coalesce(server_error_files, 0) AS server
                        FROM jobs WHERE id = ?
                        """),
                arguments: [job]),
            let uri: String = row["input_s3_uri"], let prefix = S3Location(uri: uri)?.key, !prefix.isEmpty
        else { return }
        // Only a job whose outcome is known can say a key did not arrive: a failed one, or a completed one whose
        // manifest (written with its output files) has been read.
        let status: String? = row["status"]
        let settled = status == JobStatus.failed.wire || (status == JobStatus.completed.wire && row["has_manifest"] == true)
        let missingKind = (row["server"] as Int) > 0 ? FindingKind.serverError : .missing
        let cohort = try Cohorts.cohort(ofPrefix: prefix, db)
        let range: StatementArguments = ["lo": prefix, "cohort": cohort, "now": now]

        try resetConditions(db)
        /// Keys under the prefix sort between it and the prefix + 0xFF.
        func inRange(_ alias: String) -> String { "\(alias).key >= :lo AND \(alias).key < CAST(:lo || x'ff' AS TEXT)" }
        let perRange = [
            """
            INSERT OR IGNORE INTO conditions
            SELECT 'warning', k.key, coalesce(w.code, 0), coalesce(i.cohort, :cohort)
            FROM input_keys k JOIN result_warnings w ON w.detail = k.detail LEFT JOIN inventory i ON i.key = k.key
            WHERE \(inRange("k")) AND k.outcome != 0 AND k.outcome = 1
            """,
            """
            INSERT OR IGNORE INTO conditions
            SELECT 'customer-error', k.key, 0, coalesce(i.cohort, :cohort)
            FROM input_keys k LEFT JOIN inventory i ON i.key = k.key
            WHERE \(inRange("k")) AND k.outcome != 0 AND k.outcome = 2
            """,
            """
            INSERT OR IGNORE INTO conditions
            SELECT 'unexpected', k.key, 0, :cohort FROM input_keys k
            WHERE \(inRange("k")) AND EXISTS (SELECT 1 FROM inventory)
              AND NOT EXISTS (SELECT 1 FROM inventory i WHERE i.key = k.key)
            """,
            """
            INSERT OR IGNORE INTO conditions
            SELECT 'split-study', st.uid, 0, max(i.cohort)
            FROM (SELECT DISTINCT cohort, study FROM inventory v WHERE \(inRange("v"))) t
            JOIN inventory i ON i.cohort IS t.cohort AND i.study = t.study
            JOIN input_keys k ON k.key = i.key
            JOIN image_sets s ON s.id = k.image_set AND s.is_primary = 1
            JOIN studies st ON st.id = i.study
            GROUP BY i.study HAVING count(DISTINCT k.image_set) > 1
            """,
        ]
        for sql in perRange {
            try db.cachedStatement(sql: sql).execute(arguments: range)
        }
        if settled {
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO conditions
                    SELECT '\(missingKind.rawValue)', i.key, 0, i.cohort FROM inventory i
                    WHERE \(inRange("i")) AND NOT EXISTS (SELECT 1 FROM input_keys k WHERE k.key = i.key)
                    """
            ).execute(arguments: range)
        }
        try merge(db, now: now)
        // Findings of these kinds under the prefix that no longer hold: resolved.
        for kind in [FindingKind.warning, .customerError, .unexpected] {
            try resolveAbsent(db, kind: kind, extra: "AND subject >= :lo AND subject < CAST(:lo || x'ff' AS TEXT)",
                              arguments: ["kind": kind.rawValue, "lo": prefix, "now": now])
        }
        try resolveAbsent(
            db, kind: .splitStudy,
            extra: """
                AND subject IN (SELECT st.uid FROM inventory i JOIN studies st ON st.id = i.study
                                WHERE i.key >= :lo AND i.key < CAST(:lo || x'ff' AS TEXT))
                """, arguments: ["kind": FindingKind.splitStudy.rawValue, "lo": prefix, "now": now])
    }

    /// A missing key is resolved when it arrives, whichever job brings it (a retry job reads other keys, under
    /// its own prefix). Open missing findings are few; each is one index lookup.
    static func resolveArrived(_ db: Database, now: Double) throws {
        try db.cachedStatement(
            sql: """
                UPDATE findings SET present = 0, updated_at = ?,
                    state = CASE WHEN state IN ('open', 'acknowledged', 'retry-queued') THEN 'resolved' ELSE state END
                WHERE kind IN ('missing', 'server-error') AND present = 1
                  AND EXISTS (SELECT 1 FROM input_keys k WHERE k.key = findings.subject)
                """
        ).execute(arguments: [now])
    }

    /// Non-primary findings for image sets: open while the set is non-primary and not deleted. Set-based, as a
    /// batch touches thousands of image sets of which a handful are non-primary.
    static func derive(_ db: Database, imageSets: Set<Int64>, now: Double) throws {
        guard !imageSets.isEmpty else { return }
        try resetConditions(db)
        try createScratchTables(db)
        try db.cachedStatement(sql: "DELETE FROM touched_sets").execute()
        let add = try db.cachedStatement(sql: "INSERT INTO touched_sets (id) VALUES (?)")
        for id in imageSets { try add.execute(arguments: [id]) }
        let nonPrimary = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.image_set_id, s.first_job FROM image_sets s JOIN touched_sets t ON t.id = s.id
                WHERE s.is_primary = 0 AND coalesce(s.state, '') != 'DELETED'
                """)
        for set in nonPrimary {
            // The set's first job, else a job whose manifest lists it (sets first seen through events).
            let job = try (set["first_job"] as Int64?)
                ?? Int64.fetchOne(db, sql: "SELECT job FROM job_image_sets WHERE image_set = ? LIMIT 1", arguments: [set["id"] as Int64])
            let cohort = try job.flatMap { try Cohorts.cohort(ofJob: $0, db) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO conditions VALUES ('non-primary', ?, 0, ?)",
                arguments: [set["image_set_id"] as String, cohort])
        }
        try db.execute(
            sql: """
                UPDATE findings SET present = 0, updated_at = ?,
                    state = CASE WHEN state IN ('open', 'acknowledged', 'retry-queued') THEN 'resolved' ELSE state END
                WHERE kind = 'non-primary' AND present = 1 AND subject IN (
                    SELECT s.image_set_id FROM image_sets s JOIN touched_sets t ON t.id = s.id
                    WHERE s.is_primary != 0 OR s.state = 'DELETED')
                """, arguments: [now])
        try merge(db, now: now)
    }

    /// Everything again: after the inventory or the cohorts changed, which moves what is missing or unexpected
    /// and which cohort a finding belongs to.
    static func deriveAll(_ db: Database, now: Double) throws {
        for job in try Int64.fetchAll(db, sql: "SELECT id FROM jobs WHERE input_s3_uri IS NOT NULL ORDER BY id") {
            try derive(db, job: job, now: now)
        }
        let sets = try Int64.fetchAll(
            db, sql: "SELECT id FROM image_sets WHERE is_primary = 0 UNION SELECT s.id FROM image_sets s "
                + "JOIN findings f ON f.kind = 'non-primary' AND f.subject = s.image_set_id")
        try derive(db, imageSets: Set(sets), now: now)
    }

    private static func resetConditions(_ db: Database) throws {
        try createScratchTables(db)
        try db.cachedStatement(sql: "DELETE FROM conditions").execute()
    }

    /// Creates the scratch tables once per connection. Not `CREATE … IF NOT EXISTS` on every call: GRDB treats
    /// any CREATE as a schema change and drops its prepared statements, which then cost more than the work.
    private static func createScratchTables(_ db: Database) throws {
        let existing = try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT count(*) FROM temp.sqlite_master WHERE type = 'table' AND name IN ('conditions', 'touched_sets')"
            )) ?? 0
        guard existing < 2 else { return }
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS conditions (
                    kind TEXT NOT NULL, subject TEXT NOT NULL, code INTEGER NOT NULL, cohort INTEGER,
                    PRIMARY KEY (kind, subject, code)) WITHOUT ROWID;
                CREATE TEMP TABLE IF NOT EXISTS touched_sets (id INTEGER PRIMARY KEY);
                """)
    }

    /// Conditions in the temp table become present findings; a resolved one that reappears reopens.
    private static func merge(_ db: Database, now: Double) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO findings (kind, subject, code, cohort, state, present, first_seen, updated_at)
                SELECT kind, subject, code, cohort, 'open', 1, ?1, ?1 FROM conditions WHERE true
                ON CONFLICT (kind, subject, code) DO UPDATE SET
                    cohort = excluded.cohort,
                    state = CASE WHEN findings.state = 'resolved' THEN 'open' ELSE findings.state END,
                    updated_at = CASE WHEN findings.present = 0 THEN excluded.updated_at ELSE findings.updated_at END,
                    present = 1
                """
        ).execute(arguments: [now])
    }

    private static func resolveAbsent(_ db: Database, kind: FindingKind, extra: String, arguments: StatementArguments)
        throws
    {
        try db.cachedStatement(
            sql: """
                UPDATE findings SET present = 0, updated_at = :now,
                    state = CASE WHEN state IN ('open', 'acknowledged', 'retry-queued') THEN 'resolved' ELSE state END
                WHERE kind = :kind AND present = 1 \(extra)
                  AND NOT EXISTS (SELECT 1 FROM conditions c
                                  WHERE c.kind = findings.kind AND c.subject = findings.subject AND c.code = findings.code)
                """
        ).execute(arguments: arguments)
    }
}

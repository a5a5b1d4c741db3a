import CutoverCore
import GRDB

/// Derived data that can always be rebuilt from history: which result is current for each key, and the
/// counters over current results. Ingest maintains both incrementally; these full rebuilds run only when a
/// job's place in time changes after its results were stored, and in tests as the reference.
enum Reconciler {
    static func currentCounter(_ outcome: Outcome) -> String { "current.\(outcome.rawValue)" }

    static func codeCounter(_ code: Int?) -> String { "code.\(code.map(String.init) ?? "unknown")" }

    static func isCurrentCounter(_ name: String) -> Bool { name.hasPrefix("current.") || name.hasPrefix("code.") }

    /// For every key with a result in `job`, the newest job's result (ties: the later line) becomes current.
    static func recomputeCurrent(_ db: Database, job: Int64) throws {
        try db.execute(
            sql: """
                UPDATE input_keys SET (current_result, current_outcome, current_sort_at) = (
                    SELECT r.id, r.outcome, j.sort_at FROM results r JOIN jobs j ON j.id = r.job
                    WHERE r.key = input_keys.id ORDER BY j.sort_at DESC, r.id DESC LIMIT 1)
                WHERE id IN (SELECT key FROM results WHERE job = ?)
                """, arguments: [job])
    }

    static func rebuildCounters(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM counters WHERE name LIKE 'current.%' OR name LIKE 'code.%'")
        try db.execute(
            sql: """
                INSERT INTO counters (name, value)
                SELECT 'current.' || CASE current_outcome WHEN 0 THEN 'success' WHEN 1 THEN 'warning'
                                                         ELSE 'failure' END, count(*)
                FROM input_keys WHERE current_outcome IS NOT NULL GROUP BY current_outcome
                """)
        try db.execute(
            sql: """
                INSERT INTO counters (name, value)
                SELECT 'code.' || coalesce(CAST(w.code AS TEXT), 'unknown'), count(*)
                FROM input_keys k JOIN result_warnings w ON w.result = k.current_result GROUP BY w.code
                """)
    }
}

extension CutoverDatabase {
    /// Recomputes every derived value from history, for checking the incremental path.
    public func rebuildDerived() throws {
        try write { db in
            let jobs = try Int64.fetchAll(db, sql: "SELECT DISTINCT job FROM results")
            for job in jobs { try Reconciler.recomputeCurrent(db, job: job) }
            try Reconciler.rebuildCounters(db)
        }
    }

    /// The counters table as a dictionary (zero counts left out).
    public func counters() throws -> [String: Int64] {
        try read { db in
            var all: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM counters WHERE value != 0") {
                all[row["name"]] = row["value"]
            }
            return all
        }
    }
}

import CutoverCore
import GRDB

/// Derived data that can always be rebuilt from history: which result is current for each key, and the
/// counters over current results. Ingest maintains both incrementally; these full passes run only when a
/// job's place in time changes after its results were stored, when a file is rewritten, and in tests.
enum Reconciler {
    static func currentCounter(_ outcome: Outcome) -> String { "current.\(outcome.rawValue)" }

    static func codeCounter(_ code: Int?) -> String { "code.\(code.map(String.init) ?? "unknown")" }

    static let resultColumns = "seq, job, sort_at, outcome, image_set, is_primary, image_set_version, detail, file, line"

    /// Jobs whose `sort_at` changed: their stored results take the new time, then every key settles.
    static func reorder(_ db: Database, jobs: Set<Int64>) throws {
        guard !jobs.isEmpty else { return }
        let ids = jobs.sorted()
        for table in ["input_keys", "result_history"] {
            try db.execute(
                sql: """
                    UPDATE \(table) SET sort_at = (SELECT sort_at FROM jobs WHERE jobs.id = \(table).job)
                    WHERE job IN (\(databaseQuestionMarks(count: ids.count)))
                    """, arguments: StatementArguments(ids))
        }
        try settleHistory(db)
    }

    /// Makes the newest result of every key that has history its current one (ties: the later line).
    static func settleHistory(_ db: Database) throws {
        for key in try String.fetchAll(db, sql: "SELECT DISTINCT key FROM result_history ORDER BY key") {
            guard
                let best = try Row.fetchOne(
                    db,
                    sql: "SELECT seq, sort_at FROM result_history WHERE key = ? ORDER BY sort_at DESC, seq DESC LIMIT 1",
                    arguments: [key])
            else { continue }
            let current = try Row.fetchOne(db, sql: "SELECT seq, sort_at FROM input_keys WHERE key = ?", arguments: [key])
            if let current {
                let currentOrder = (current["sort_at"] as Double, current["seq"] as Int64)
                guard (best["sort_at"] as Double, best["seq"] as Int64) > currentOrder else { continue }
                try db.execute(
                    sql: "INSERT INTO result_history (key, \(resultColumns)) SELECT key, \(resultColumns) FROM input_keys WHERE key = ?",
                    arguments: [key])
                try db.execute(sql: "DELETE FROM input_keys WHERE key = ?", arguments: [key])
            }
            try db.execute(
                sql: "INSERT INTO input_keys (key, \(resultColumns)) SELECT key, \(resultColumns) FROM result_history WHERE seq = ?",
                arguments: [best["seq"] as Int64])
            try db.execute(sql: "DELETE FROM result_history WHERE seq = ?", arguments: [best["seq"] as Int64])
        }
    }

    static func rebuildCounters(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM counters WHERE name LIKE 'current.%' OR name LIKE 'code.%'")
        try db.execute(
            sql: """
                INSERT INTO counters (name, value)
                SELECT 'current.' || CASE outcome WHEN 0 THEN 'success' WHEN 1 THEN 'warning' ELSE 'failure' END,
                       count(*)
                FROM input_keys GROUP BY outcome
                """)
        try db.execute(
            sql: """
                INSERT INTO counters (name, value)
                SELECT 'code.' || coalesce(CAST(w.code AS TEXT), 'unknown'), count(*)
                FROM input_keys k JOIN result_warnings w ON w.detail = k.detail
                WHERE k.detail IS NOT NULL GROUP BY w.code
                """)
    }
}

extension CutoverDatabase {
    /// Recomputes every derived value from history, for checking the incremental path.
    public func rebuildDerived() throws {
        try write { db in
            try Self.advanceGeneration(db)
            try Reconciler.settleHistory(db)
            try Reconciler.rebuildCounters(db)
        }
    }

    /// The derived counters over current results (zero counts left out).
    public func counters() throws -> [String: Int64] {
        try read { db in
            var all: [String: Int64] = [:]
            let sql = "SELECT name, value FROM counters WHERE value != 0 AND (name LIKE 'current.%' OR name LIKE 'code.%')"
            for row in try Row.fetchAll(db, sql: sql) {
                all[row["name"]] = row["value"]
            }
            return all
        }
    }
}

import GRDB

/// Open findings counted per cohort, by kind and (for warnings) by code: what the gates of every cohort need
/// from the findings table, read in two index scans instead of two queries per cohort.
public struct FindingTallies: Equatable, Sendable {
    /// Cohort name (empty for findings outside any cohort) → kind → open findings.
    public var byKind: [String: [String: Int64]]
    /// Cohort name → warning code → open warning findings.
    public var warningCodes: [String: [Int: Int]]

    public init(byKind: [String: [String: Int64]] = [:], warningCodes: [String: [Int: Int]] = [:]) {
        self.byKind = byKind
        self.warningCodes = warningCodes
    }
}

extension CutoverDatabase {
    /// Findings change with the data (the generation) or by a decision, which appends its audit row in the same
    /// transaction: the tallies are counted once per pair, not on every page load.
    public func findingTallies() throws -> FindingTallies {
        try read { db in
            let generation = try Self.generation(db)
            let lastDecision = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM audit")) ?? 0
            if let known = tallyMemo.value(generation: generation), known.lastDecision == lastDecision {
                return known.tallies
            }
            let tallies = try Self.countFindings(db)
            tallyMemo.remember((lastDecision, tallies), generation: generation)
            return tallies
        }
    }

    private static func countFindings(_ db: Database) throws -> FindingTallies {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") { names[row["id"]] = row["name"] }
        func name(_ id: Int64?) -> String { id.flatMap { names[$0] } ?? "" }
        var tallies = FindingTallies()
        // Both groupings follow their index's column order, so SQLite counts along the index instead of
        // sorting every finding; the states are summed here.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT cohort, kind, count(*) AS n FROM findings
                WHERE state IN ('open', 'acknowledged', 'retry-queued') GROUP BY cohort, state, kind
                """)
        {
            tallies.byKind[name(row["cohort"]), default: [:]][row["kind"], default: 0] += row["n"] as Int64
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT cohort, code, count(*) AS n FROM findings
                WHERE kind = 'warning' AND state IN ('open', 'acknowledged', 'retry-queued') GROUP BY code, cohort
                """)
        {
            tallies.warningCodes[name(row["cohort"]), default: [:]][row["code"], default: 0] += row["n"] as Int
        }
        return tallies
    }
}

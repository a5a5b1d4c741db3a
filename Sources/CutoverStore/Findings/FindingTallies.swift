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
    public func findingTallies() throws -> FindingTallies {
        try read { db in
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") { names[row["id"]] = row["name"] }
            func name(_ id: Int64?) -> String { id.flatMap { names[$0] } ?? "" }
            var tallies = FindingTallies()
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT cohort, kind, count(*) AS n FROM findings
                    WHERE state IN ('open', 'acknowledged', 'retry-queued') GROUP BY cohort, kind
                    """)
            {
                tallies.byKind[name(row["cohort"]), default: [:]][row["kind"], default: 0] += row["n"] as Int64
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT cohort, code, count(*) AS n FROM findings
                    WHERE kind = 'warning' AND state IN ('open', 'acknowledged', 'retry-queued') GROUP BY cohort, code
                    """)
            {
                tallies.warningCodes[name(row["cohort"]), default: [:]][row["code"], default: 0] += row["n"] as Int
            }
            return tallies
        }
    }
}

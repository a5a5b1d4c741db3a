import GRDB

extension CutoverDatabase {
    /// The header's freshness facts, from two tiny queries: when a poll last finished, and how many input
    /// lines sit in quarantine.
    public func pollHealth() throws -> (lastPoll: Double?, quarantined: Int64) {
        try read { db in
            (
                try Double.fetchOne(db, sql: "SELECT max(finished_at) FROM polls"),
                try Int64.fetchOne(db, sql: "SELECT count(*) FROM quarantine") ?? 0
            )
        }
    }

    /// When a poll of `source` (`local`, `ahi`) last finished.
    public func lastPoll(source: String) throws -> Double? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT max(finished_at) FROM polls WHERE source = ?", arguments: [source])
        }
    }
}

import GRDB

extension Schema {
    /// The last recorded state and gate statuses of each cohort, so that changes are audited.
    static func v5(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE cohort_state ADD COLUMN gate_snapshot TEXT")
    }
}

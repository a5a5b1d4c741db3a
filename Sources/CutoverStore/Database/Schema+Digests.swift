import GRDB

extension Schema {
    /// Per-cohort digests of the big tables, stamped with the data generation they were computed at.
    static func v8(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE cohort_digests (
                    cohort INTEGER PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    digest TEXT NOT NULL
                );
                INSERT OR IGNORE INTO meta (key, value) VALUES ('data_generation', '1');
                """)
    }
}

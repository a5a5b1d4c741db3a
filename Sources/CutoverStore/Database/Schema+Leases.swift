import GRDB

extension Schema {
    /// Named leases, so that one process at a time does a job (the poller: architecture §2). A lease is held
    /// until `expires_at`; its holder renews it while working and releases it when done.
    static func v6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE leases (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    acquired_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                ) WITHOUT ROWID;
                """)
    }
}

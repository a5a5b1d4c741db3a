import GRDB

extension Schema {
    /// What an edge PACS holds, per study, as last counted over QIDO-RS (`cutover inventory qido`). Each run
    /// replaces its source's rows, so a study deleted from the PACS disappears here too.
    static func v9(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE pacs_studies (
                    source TEXT NOT NULL,
                    study_uid TEXT NOT NULL,
                    series INTEGER NOT NULL,
                    instances INTEGER NOT NULL,
                    fetched_at REAL NOT NULL,
                    PRIMARY KEY (source, study_uid)
                ) WITHOUT ROWID;
                """)
    }
}

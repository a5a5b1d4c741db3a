import GRDB

extension Schema {
    /// What `GetImageSetMetadata` said each image set holds: its instances and their stored transfer syntaxes.
    static func v10(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE image_set_instances (
                    image_set INTEGER NOT NULL,
                    sop_uid TEXT NOT NULL,
                    series_uid TEXT,
                    stored_ts TEXT,
                    PRIMARY KEY (image_set, sop_uid)
                ) WITHOUT ROWID;
                CREATE TABLE image_set_metadata (
                    image_set INTEGER PRIMARY KEY,
                    version INTEGER,
                    fetched_at REAL NOT NULL
                );
                """)
    }
}

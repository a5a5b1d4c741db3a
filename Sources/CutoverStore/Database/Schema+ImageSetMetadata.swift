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
                -- `found` is 0 when the service answered that it has no such image set: asked again only when
                -- its version moves, and left out of the instance checks.
                CREATE TABLE image_set_metadata (
                    image_set INTEGER PRIMARY KEY,
                    version INTEGER,
                    found INTEGER NOT NULL DEFAULT 1,
                    fetched_at REAL NOT NULL
                );
                """)
    }
}

import GRDB

extension Schema {
    /// The source inventory (what was sent) and cohorts (what cuts over together).
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                -- `defined_by`: config ([[cohorts]] in cutover.toml), prefix or studies (`cohort define`), or
                -- inventory (a value of the inventory's `cohort` column).
                CREATE TABLE cohorts (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    prefix TEXT,
                    defined_by TEXT NOT NULL,
                    region_profile TEXT,
                    created_at REAL NOT NULL
                );
                CREATE TABLE cohort_studies (
                    cohort INTEGER NOT NULL,
                    study_uid TEXT NOT NULL,
                    PRIMARY KEY (cohort, study_uid)
                ) WITHOUT ROWID;

                -- Study and series UIDs are long and repeat for every instance: stored once.
                CREATE TABLE studies (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE);
                CREATE TABLE series (id INTEGER PRIMARY KEY, study INTEGER NOT NULL, uid TEXT NOT NULL UNIQUE);

                -- One row per source instance, keyed like input_keys so the two join on the key.
                -- `cohort_name` is the inventory's own column; `cohort` is the resolved cohort.
                CREATE TABLE inventory (
                    key TEXT PRIMARY KEY,
                    study INTEGER NOT NULL,
                    series INTEGER NOT NULL,
                    sop_uid TEXT NOT NULL,
                    sop_class_uid TEXT,
                    transfer_syntax_uid TEXT,
                    modality TEXT,
                    number_of_frames INTEGER,
                    size_bytes INTEGER,
                    patient_id TEXT,
                    patient_name TEXT,
                    accession_number TEXT,
                    study_date TEXT,
                    cohort_name TEXT,
                    cohort INTEGER
                ) WITHOUT ROWID;
                """)
        try db.execute(sql: inventoryIndexes)
    }

    /// The inventory's secondary indexes. A large import drops and rebuilds them in its transaction (one
    /// sort instead of a million random inserts). Never change this text: add a migration instead.
    static let inventoryIndexes = """
        CREATE INDEX inventory_by_cohort ON inventory(cohort, study, series);
        """
}

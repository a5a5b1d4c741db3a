import GRDB

/// Versioned migrations. A shipped migration is never edited: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ingest", migrate: v1)
        migrator.registerMigration("v2-inventory", migrate: v2)
        migrator.registerMigration("v3-findings", migrate: v3)
        migrator.registerMigration("v4-decisions", migrate: v4)
        migrator.registerMigration("v5-gate-snapshots", migrate: v5)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

                -- One row per import job, merged from API responses, events and job folders.
                -- `sort_at` orders jobs for "the newest job's outcome wins"; it is `submitted_at` when known.
                CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY,
                    job_id TEXT NOT NULL UNIQUE,
                    datastore_id TEXT NOT NULL,
                    job_name TEXT,
                    status TEXT,
                    status_rank INTEGER NOT NULL DEFAULT 0,
                    submitted_at REAL,
                    ended_at REAL,
                    sort_at REAL NOT NULL DEFAULT 1e18,
                    input_s3_uri TEXT,
                    output_s3_uri TEXT,
                    message TEXT,
                    has_manifest INTEGER NOT NULL DEFAULT 0,
                    scanned_files INTEGER,
                    imported_files INTEGER,
                    customer_error_files INTEGER,
                    server_error_files INTEGER,
                    generated_image_sets INTEGER,
                    success_lines INTEGER NOT NULL DEFAULT 0,
                    warning_lines INTEGER NOT NULL DEFAULT 0,
                    failure_lines INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX jobs_by_status ON jobs(status);

                -- One row per input key (the S3 object key AHI reports) holding its current result inline:
                -- the newest job's outcome. Keyed by the key itself, so ingesting a line is one B-tree write.
                -- `seq` numbers every result line ever read; on equal job times the later line wins.
                CREATE TABLE input_keys (
                    key TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL,
                    job INTEGER NOT NULL,
                    sort_at REAL NOT NULL,
                    outcome INTEGER NOT NULL,
                    image_set INTEGER,
                    is_primary INTEGER,
                    image_set_version INTEGER,
                    detail INTEGER,
                    file INTEGER NOT NULL,
                    line INTEGER NOT NULL
                ) WITHOUT ROWID;

                -- Every other result ever read: outcomes a newer job replaced, or older jobs read late.
                -- With input_keys this is the full history. Small (retries), so it keeps the key's text.
                CREATE TABLE result_history (
                    seq INTEGER PRIMARY KEY,
                    key TEXT NOT NULL,
                    job INTEGER NOT NULL,
                    sort_at REAL NOT NULL,
                    outcome INTEGER NOT NULL,
                    image_set INTEGER,
                    is_primary INTEGER,
                    image_set_version INTEGER,
                    detail INTEGER,
                    file INTEGER NOT NULL,
                    line INTEGER NOT NULL
                );
                CREATE INDEX result_history_by_key ON result_history(key);

                -- What warning and failure lines say beyond their outcome (a few percent of lines).
                CREATE TABLE result_details (
                    id INTEGER PRIMARY KEY,
                    exception_type TEXT,
                    message TEXT
                );
                CREATE TABLE result_warnings (
                    detail INTEGER NOT NULL,
                    code INTEGER,
                    type TEXT,
                    message TEXT
                );
                CREATE INDEX result_warnings_by_detail ON result_warnings(detail);

                CREATE TABLE image_sets (
                    id INTEGER PRIMARY KEY,
                    image_set_id TEXT NOT NULL UNIQUE,
                    datastore_id TEXT,
                    is_primary INTEGER,
                    version INTEGER,
                    workflow_status TEXT,
                    state TEXT,
                    event_at REAL,
                    first_job INTEGER
                );
                CREATE INDEX image_sets_by_primary ON image_sets(is_primary);

                -- Manifest `imageSetsSummary`: which image sets a job touched.
                CREATE TABLE job_image_sets (
                    job INTEGER NOT NULL,
                    image_set INTEGER NOT NULL,
                    matched_instances INTEGER NOT NULL,
                    version INTEGER,
                    is_primary INTEGER,
                    PRIMARY KEY (job, image_set)
                ) WITHOUT ROWID;

                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    detail_type TEXT NOT NULL,
                    time TEXT NOT NULL,
                    epoch REAL,
                    region TEXT,
                    account TEXT,
                    resources TEXT,
                    datastore_id TEXT,
                    job_id TEXT,
                    image_set_id TEXT,
                    status TEXT,
                    is_primary INTEGER,
                    file INTEGER NOT NULL,
                    line INTEGER NOT NULL
                );
                CREATE INDEX events_by_epoch ON events(epoch);

                -- Where each source file was read up to. Committed with the rows it produced.
                CREATE TABLE ingest_files (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    size INTEGER NOT NULL DEFAULT 0,
                    mtime_ns INTEGER NOT NULL DEFAULT 0,
                    offset INTEGER NOT NULL DEFAULT 0,
                    line INTEGER NOT NULL DEFAULT 0
                );

                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    excerpt BLOB,
                    UNIQUE (path, offset)
                );

                -- Derived counters over current results, kept in the ingest transaction.
                CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

                CREATE TABLE polls (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL NOT NULL,
                    ok INTEGER NOT NULL,
                    message TEXT,
                    new_rows INTEGER NOT NULL DEFAULT 0
                );
                """)
    }

    /// The source inventory (what was sent) and cohorts (what cuts over together).
    private static func v2(_ db: Database) throws {
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

    /// Findings (migration work items) and their triage history.
    private static func v3(_ db: Database) throws {
        try db.execute(
            sql: """
                -- `subject`: the input key (missing, unexpected, warning, customer-error, server-error), the image
                -- set id (non-primary) or the StudyInstanceUID (split-study). `code`: the warning code, else 0.
                -- `present`: the condition holds in the data now; `state` is the triage state.
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    code INTEGER NOT NULL DEFAULT 0,
                    cohort INTEGER,
                    state TEXT NOT NULL DEFAULT 'open',
                    present INTEGER NOT NULL DEFAULT 1,
                    first_seen REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    UNIQUE (kind, subject, code)
                );
                CREATE INDEX findings_by_cohort ON findings(cohort, state, kind);

                CREATE TABLE finding_notes (
                    finding INTEGER NOT NULL,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    host TEXT,
                    ssh_client TEXT,
                    from_state TEXT NOT NULL,
                    to_state TEXT NOT NULL,
                    note TEXT
                );
                CREATE INDEX finding_notes_by_finding ON finding_notes(finding);
                """)
    }

    /// Human decisions: the cohort lifecycle, attestations, and the hash-chained audit log.
    private static func v4(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The stored side of each cohort's lifecycle. `revision` grows with every change, so an action
                -- taken on what someone saw earlier is refused when the cohort has moved since.
                CREATE TABLE cohort_state (
                    cohort INTEGER PRIMARY KEY,
                    state TEXT NOT NULL DEFAULT 'planned',
                    held INTEGER NOT NULL DEFAULT 0,
                    hold_reason TEXT,
                    revision INTEGER NOT NULL DEFAULT 0,
                    pending_approval_by TEXT,
                    pending_override INTEGER NOT NULL DEFAULT 0,
                    updated_at REAL
                );

                CREATE TABLE attestations (
                    cohort INTEGER NOT NULL,
                    item TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT NOT NULL,
                    at REAL NOT NULL,
                    PRIMARY KEY (cohort, item)
                ) WITHOUT ROWID;

                -- Append-only; hash = SHA-256(prev_hash ‖ canonical row). `cutover audit --verify` recomputes it.
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    host TEXT,
                    ssh_client TEXT,
                    action TEXT NOT NULL,
                    cohort TEXT,
                    detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    /// The last recorded state and gate statuses of each cohort, so that changes are audited.
    private static func v5(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE cohort_state ADD COLUMN gate_snapshot TEXT")
    }
}

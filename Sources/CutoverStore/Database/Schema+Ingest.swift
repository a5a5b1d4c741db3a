import GRDB

extension Schema {
    static func v1(_ db: Database) throws {
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
}

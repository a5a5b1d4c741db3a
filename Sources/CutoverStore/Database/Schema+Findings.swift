import GRDB

extension Schema {
    /// Findings (migration work items) and their triage history.
    static func v3(_ db: Database) throws {
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
}

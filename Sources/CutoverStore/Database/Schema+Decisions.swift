import GRDB

extension Schema {
    /// Human decisions: the cohort lifecycle, attestations, and the hash-chained audit log.
    static func v4(_ db: Database) throws {
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
}

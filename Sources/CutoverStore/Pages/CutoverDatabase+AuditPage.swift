import GRDB

extension CutoverDatabase {
    /// The Audit page: the newest `limit` rows of the decision log, newest first; `total` is every row.
    /// The chain's status is `verifyAudit()`, which hashes every row: call it when the log changed, not per frame.
    public func auditPage(limit: Int) throws -> PageSlice<AuditEntry> {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT ?", arguments: [max(0, limit)]
            ).map(AuditLog.entry)
            return PageSlice(rows: rows, total: total)
        }
    }
}

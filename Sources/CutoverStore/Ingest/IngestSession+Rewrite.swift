import GRDB

extension IngestSession {
    /// Forgets every result read from a file that was since rewritten (it shrank below the cursor), so
    /// reading it again from the start counts nothing twice. Rare: AHI never rewrites its outputs, but
    /// people re-sync folders by hand.
    public func discardResults(ofFile cursor: FileCursor) throws {
        let stored = try FileCursor.fetch(db, path: cursor.path)
        guard let file = cursor.id ?? stored?.id else { return }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS affected_keys (key INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM affected_keys")
        try db.execute(sql: "INSERT OR IGNORE INTO affected_keys SELECT key FROM results WHERE file = ?", arguments: [file])
        let jobs = try Int64.fetchAll(db, sql: "SELECT DISTINCT job FROM results WHERE file = ?", arguments: [file])
        try db.execute(
            sql: "DELETE FROM result_warnings WHERE result IN (SELECT id FROM results WHERE file = ?)", arguments: [file])
        try db.execute(sql: "DELETE FROM results WHERE file = ?", arguments: [file])
        try db.execute(
            sql: """
                UPDATE input_keys SET (current_result, current_outcome, current_sort_at) = (
                    SELECT r.id, r.outcome, j.sort_at FROM results r JOIN jobs j ON j.id = r.job
                    WHERE r.key = input_keys.id ORDER BY j.sort_at DESC, r.id DESC LIMIT 1)
                WHERE id IN (SELECT key FROM affected_keys)
                """)
        for job in jobs {
            try db.execute(
                sql: """
                    UPDATE jobs SET
                        success_lines = (SELECT count(*) FROM results WHERE job = ?1 AND outcome = 0),
                        warning_lines = (SELECT count(*) FROM results WHERE job = ?1 AND outcome = 1),
                        failure_lines = (SELECT count(*) FROM results WHERE job = ?1 AND outcome = 2)
                    WHERE id = ?1
                    """, arguments: [job])
        }
        // Line counts and counters accumulated so far in this batch are folded in before the rebuild.
        try flushDeltas()
        try Reconciler.rebuildCounters(db)
    }
}

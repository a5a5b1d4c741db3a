import GRDB

extension IngestSession {
    /// Forgets every result read from a file that was since rewritten (it shrank below the cursor), so
    /// reading it again from the start counts nothing twice. Rare: AHI never rewrites its outputs, but
    /// people re-sync folders by hand. Scans; correctness over speed.
    public func discardResults(ofFile cursor: FileCursor) throws {
        let stored = try FileCursor.fetch(db, path: cursor.path)
        guard let file = cursor.id ?? stored?.id else { return }
        try flushDeltas()
        let jobs = try Int64.fetchAll(
            db,
            sql: """
                SELECT job FROM input_keys WHERE file = ?1 UNION SELECT job FROM result_history WHERE file = ?1
                """, arguments: [file])
        try db.execute(sql: "DELETE FROM result_history WHERE file = ?", arguments: [file])
        // Keys whose current result came from the file fall back to their newest remaining result, if any.
        try db.execute(sql: "DELETE FROM input_keys WHERE file = ?", arguments: [file])
        try Reconciler.settleHistory(db)
        for job in jobs {
            try db.execute(
                sql: """
                    UPDATE jobs SET
                        success_lines = (SELECT count(*) FROM input_keys WHERE job = ?1 AND outcome = 0)
                                      + (SELECT count(*) FROM result_history WHERE job = ?1 AND outcome = 0),
                        warning_lines = (SELECT count(*) FROM input_keys WHERE job = ?1 AND outcome = 1)
                                      + (SELECT count(*) FROM result_history WHERE job = ?1 AND outcome = 1),
                        failure_lines = (SELECT count(*) FROM input_keys WHERE job = ?1 AND outcome = 2)
                                      + (SELECT count(*) FROM result_history WHERE job = ?1 AND outcome = 2)
                    WHERE id = ?1
                    """, arguments: [job])
        }
        try Reconciler.rebuildCounters(db)
        // What the file said is gone even if nothing replaces it: findings are derived again, and the digests
        // and tallies move to a new generation.
        touchedJobs.formUnion(jobs)
        try CutoverDatabase.advanceGeneration(db)
    }
}

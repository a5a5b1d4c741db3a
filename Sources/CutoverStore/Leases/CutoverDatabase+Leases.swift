import GRDB

extension CutoverDatabase {
    /// Takes or renews the lease `name` for `holder` until `now + ttl`: true when it was free, expired,
    /// abandoned or already `holder`'s; false (and nothing changed) when another holder's lease is still live.
    ///
    /// `isAbandoned` tells whether another holder is known to be gone (a process of this host that no longer
    /// exists, e.g. after `kill -9`): its lease is taken at once instead of after it expires.
    ///
    /// One short immediate transaction, so two processes asking at once cannot both win.
    @discardableResult
    public func acquireLease(
        _ name: String, holder: String, ttl: Double, now: Double, isAbandoned: (String) -> Bool = { _ in false }
    ) throws -> Bool {
        try write { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT holder, expires_at FROM leases WHERE name = ?", arguments: [name]),
                row["holder"] as String != holder, row["expires_at"] as Double > now, !isAbandoned(row["holder"])
            {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT(name) DO UPDATE SET expires_at = ?4,
                        acquired_at = CASE WHEN holder = ?2 THEN acquired_at ELSE ?3 END, holder = ?2
                    """, arguments: [name, holder, now, now + ttl])
            return true
        }
    }

    /// Gives the lease up if `holder` has it; someone else's lease is left alone.
    public func releaseLease(_ name: String, holder: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM leases WHERE name = ? AND holder = ?", arguments: [name, holder])
        }
    }

    /// Who holds the lease now; nil when it is free or expired.
    public func leaseHolder(_ name: String, now: Double) throws -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT holder FROM leases WHERE name = ? AND expires_at > ?", arguments: [name, now])
        }
    }
}

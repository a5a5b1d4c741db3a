import GRDB

extension CutoverDatabase {
    /// Takes or renews the lease `name` for `holder` until `now + ttl`: true when it was free, expired or
    /// already `holder`'s; false (and nothing changed) when another holder's lease is still live. A holder
    /// known to be gone is replaced with `takeOverLease` (see `PollerLease`).
    ///
    /// One short immediate transaction, so two processes asking at once cannot both win.
    @discardableResult
    public func acquireLease(_ name: String, holder: String, ttl: Double, now: Double) throws -> Bool {
        try write { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT holder, expires_at FROM leases WHERE name = ?", arguments: [name]),
                row["holder"] as String != holder, row["expires_at"] as Double > now
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

extension CutoverDatabase {
    /// Moves the lease from `previous` to `holder` until `now + ttl`, whether or not it has expired: true when
    /// `previous` still held it, false (nothing changed) when someone else took or released it meanwhile.
    @discardableResult
    public func takeOverLease(_ name: String, from previous: String, holder: String, ttl: Double, now: Double) throws
        -> Bool
    {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE leases SET holder = ?, acquired_at = ?, expires_at = ? WHERE name = ? AND holder = ?
                    """, arguments: [holder, now, now + ttl, name, previous])
            return db.changesCount == 1
        }
    }
}

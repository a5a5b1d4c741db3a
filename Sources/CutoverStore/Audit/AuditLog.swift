import Crypto
import Foundation
import GRDB

/// The tamper-evident decision log (architecture §3): rows are appended in the same transaction as the change
/// they record, each hashed with the previous row's hash, and the head is kept in `meta` so that removing the
/// last rows shows too.
enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends a row; call inside the write transaction that makes the change.
    @discardableResult
    static func append(
        _ db: Database, actor: Actor, action: String, cohort: String?, detail: [String: String], at: Double
    ) throws -> AuditEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        var entry = AuditEntry(
            seq: (last?["seq"] as Int64? ?? 0) + 1, at: (at * 1000).rounded() / 1000, actor: actor.name,
            host: actor.host, sshClient: actor.sshClient, action: action, cohort: cohort,
            detail: canonicalJSON(detail), prevHash: last?["hash"] ?? genesis, hash: "")
        entry.hash = hash(entry)
        try db.execute(
            sql: """
                INSERT INTO audit (seq, at, actor, host, ssh_client, action, cohort, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.seq, entry.at, entry.actor, entry.host, entry.sshClient, entry.action, entry.cohort, entry.detail,
                entry.prevHash, entry.hash,
            ])
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('audit.head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: ["\(entry.seq):\(entry.hash)"])
        return entry
    }

    static func hash(_ entry: AuditEntry) -> String {
        let digest = SHA256.hash(data: Data((entry.prevHash + "|" + entry.canonical).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Sorted keys, so the same detail always gives the same text (and hash).
    static func canonicalJSON(_ detail: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(detail)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func entries(_ db: Database, cohort: String? = nil, limit: Int = .max) throws -> [AuditEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM audit WHERE ?1 IS NULL OR cohort = ?1 ORDER BY seq LIMIT ?2",
            arguments: [cohort, Int64(min(limit, Int(Int64.max)))]
        ).map(entry)
    }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(
            seq: row["seq"], at: row["at"], actor: row["actor"], host: row["host"], sshClient: row["ssh_client"],
            action: row["action"], cohort: row["cohort"], detail: row["detail"], prevHash: row["prev_hash"],
            hash: row["hash"])
    }

    /// Walks the chain from the first row: the first row whose hash, link or place does not hold is named.
    static func verify(_ db: Database) throws -> AuditVerdict {
        var expectedSeq: Int64 = 1
        var previous = genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let row = try rows.next() {
            let entry = entry(row)
            if entry.seq != expectedSeq {
                return .broken(seq: expectedSeq, reason: "the row is missing (the chain jumps to row \(entry.seq))")
            }
            if entry.prevHash != previous {
                return .broken(seq: entry.seq, reason: "its link to row \(entry.seq - 1) does not match (a row was changed or replaced)")
            }
            if hash(entry) != entry.hash {
                return .broken(seq: entry.seq, reason: "its content does not match its hash (the row was edited)")
            }
            previous = entry.hash
            expectedSeq += 1
        }
        let rowsSeen = expectedSeq - 1
        if let head = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'audit.head'") {
            let parts = head.split(separator: ":", maxSplits: 1)
            if let seq = Int64(parts[0]), seq != rowsSeen || String(parts.last ?? "") != previous {
                return .broken(seq: rowsSeen + 1, reason: "the log ends early: the recorded head is row \(seq)")
            }
        }
        return .intact(rows: rowsSeen, head: previous)
    }
}

extension CutoverDatabase {
    public func auditEntries(cohort: String? = nil) throws -> [AuditEntry] {
        try read { try AuditLog.entries($0, cohort: cohort) }
    }

    public func verifyAudit() throws -> AuditVerdict {
        try read { try AuditLog.verify($0) }
    }
}

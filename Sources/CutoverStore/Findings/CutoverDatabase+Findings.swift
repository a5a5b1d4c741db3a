import CutoverCore
import Foundation
import GRDB

extension CutoverDatabase {
    /// Findings, newest changes first, filtered by cohort name, kind and state.
    public func findings(cohort: String? = nil, kind: FindingKind? = nil, state: FindingState? = nil, limit: Int = 1000)
        throws -> [Finding]
    {
        try read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let cohort {
                clauses.append("c.name = ?")
                _ = arguments.append(contentsOf: [cohort])
            }
            if let kind {
                clauses.append("f.kind = ?")
                _ = arguments.append(contentsOf: [kind.rawValue])
            }
            if let state {
                clauses.append("f.state = ?")
                _ = arguments.append(contentsOf: [state.rawValue])
            }
            _ = arguments.append(contentsOf: [limit])
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.*, c.name AS cohort_name FROM findings f LEFT JOIN cohorts c ON c.id = f.cohort
                    \(filter) ORDER BY f.updated_at DESC, f.id DESC LIMIT ?
                    """, arguments: arguments
            ).compactMap { row in
                guard let kind = FindingKind(rawValue: row["kind"]), let state = FindingState(rawValue: row["state"])
                else { return nil }
                let code: Int = row["code"]
                return Finding(
                    id: row["id"], kind: kind, subject: row["subject"], code: code == 0 ? nil : code,
                    cohort: row["cohort_name"], state: state, present: row["present"], firstSeen: row["first_seen"],
                    updatedAt: row["updated_at"])
            }
        }
    }

    /// Open findings (open, acknowledged or retry-queued) by cohort name and kind.
    public func openFindingCounts() throws -> [String: [String: Int64]] {
        try findingTallies().byKind
    }

    /// Moves findings to `state` (acknowledged, waived, retry-queued) with a note and the actor, all or none:
    /// one finding that may not move stops the whole request. Each move is kept in `finding_notes`.
    public func triage(_ ids: [Int64], to target: FindingState, note: String?, actor: Actor) throws {
        if target == .waived && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw TriageError.noteRequired(target)
        }
        try write { db in
            let now = Date().timeIntervalSince1970
            for id in ids {
                guard let raw = try String.fetchOne(db, sql: "SELECT state FROM findings WHERE id = ?", arguments: [id]),
                    let state = FindingState(rawValue: raw)
                else { throw TriageError.noSuchFinding(id) }
                guard state.allowsManual(target) else { throw TriageError.notAllowed(id: id, from: state, to: target) }
                try db.execute(
                    sql: "UPDATE findings SET state = ?, updated_at = ? WHERE id = ?",
                    arguments: [target.rawValue, now, id])
                try db.execute(
                    sql: """
                        INSERT INTO finding_notes (finding, at, actor, host, ssh_client, from_state, to_state, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id, now, actor.name, actor.host, actor.sshClient, state.rawValue, target.rawValue, note])
            }
            let action = target == .acknowledged ? "ack" : target == .waived ? "waive" : target.rawValue
            try AuditLog.append(
                db, actor: actor, action: action, cohort: nil,
                detail: ["findings": ids.map(String.init).joined(separator: ","), "note": note ?? ""], at: now)
        }
    }
}

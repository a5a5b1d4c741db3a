import Foundation
import GRDB

extension CutoverDatabase {
    /// A cohort's stored lifecycle record (defaults when nothing was decided yet).
    public func cohortRecord(named name: String) throws -> CohortRecord {
        try read { db in try Decisions.record(db, name: name) }
    }

    /// Records one decision about a cohort: in a single transaction, checks the revision the actor saw (when
    /// given), lets `change` check its guards and modify the record (throwing to refuse), bumps the revision
    /// and appends the audit row. Either all of it is saved or none of it.
    @discardableResult
    public func decide(
        cohort name: String, action: String, actor: Actor, expectedRevision: Int64?, detail: [String: String],
        _ change: (inout CohortRecord, Database) throws -> Void
    ) throws -> CohortRecord {
        try write { db in
            var record = try Decisions.record(db, name: name)
            if let expectedRevision, expectedRevision != record.revision {
                throw DecisionError.conflict(cohort: name, expected: expectedRevision, actual: record.revision)
            }
            let seen = record.revision
            try change(&record, db)
            record.revision = seen + 1
            let now = Date().timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO cohort_state (cohort, state, held, hold_reason, revision, pending_approval_by,
                                              pending_override, updated_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    ON CONFLICT(cohort) DO UPDATE SET state = ?2, held = ?3, hold_reason = ?4, revision = ?5,
                        pending_approval_by = ?6, pending_override = ?7, updated_at = ?8
                    WHERE cohort_state.revision = ?9
                    """,
                arguments: [
                    record.id, record.state, record.held, record.holdReason, record.revision, record.pendingApprovalBy,
                    record.pendingOverride, now, seen,
                ])
            guard db.changesCount == 1 else {
                throw DecisionError.conflict(cohort: name, expected: seen, actual: try Decisions.record(db, name: name).revision)
            }
            var full = detail
            full["revision"] = String(record.revision)
            full["state"] = record.state
            full["held"] = record.held ? "true" : "false"
            try AuditLog.append(db, actor: actor, action: action, cohort: name, detail: full, at: now)
            return record
        }
    }

    /// Marks an obligation item attested by a named person, with a note; audited in the same transaction.
    public func attest(cohort name: String, item: String, note: String, actor: Actor) throws {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DecisionError.refused("an attestation needs a note saying what was checked (--note)")
        }
        try decide(cohort: name, action: "attest", actor: actor, expectedRevision: nil, detail: ["item": item, "note": note]) {
            record, db in
            if record.state == "rolled-back" { throw DecisionError.refused("cohort \(name) was rolled back") }
            try db.execute(
                sql: """
                    INSERT INTO attestations (cohort, item, actor, note, at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(cohort, item) DO UPDATE SET actor = excluded.actor, note = excluded.note, at = excluded.at
                    """,
                arguments: [record.id, item, actor.name, note, Date().timeIntervalSince1970])
        }
    }

    /// Attested items of a cohort: item id → (actor, note).
    public func attestations(cohort name: String) throws -> [String: (actor: String, note: String)] {
        try read { db in
            var all: [String: (String, String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT item, actor, note FROM attestations a JOIN cohorts c ON c.id = a.cohort WHERE c.name = ?",
                arguments: [name])
            {
                all[row["item"]] = (row["actor"], row["note"])
            }
            return all
        }
    }
}

enum Decisions {
    static func record(_ db: Database, name: String) throws -> CohortRecord {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.id, c.name, c.region_profile, s.state, s.held, s.hold_reason, s.revision,
                           s.pending_approval_by, s.pending_override
                    FROM cohorts c LEFT JOIN cohort_state s ON s.cohort = c.id WHERE c.name = ?
                    """, arguments: [name])
        else { throw DecisionError.noSuchCohort(name) }
        return CohortRecord(
            id: row["id"], name: row["name"], state: row["state"] ?? "planned", held: row["held"] ?? false,
            holdReason: row["hold_reason"], revision: row["revision"] ?? 0, pendingApprovalBy: row["pending_approval_by"],
            pendingOverride: row["pending_override"] ?? false, regionProfile: row["region_profile"])
    }
}

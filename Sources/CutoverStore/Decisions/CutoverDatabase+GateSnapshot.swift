import CutoverCore
import Foundation
import GRDB

extension CutoverDatabase {
    /// Records a cohort's derived state and gate statuses when they differ from the last ones recorded: the
    /// revision goes up (so an approval based on the old view is refused as a conflict) and an audit row
    /// says what changed. Returns whether anything changed.
    @discardableResult
    public func recordGateSnapshot(cohort name: String, state: CohortState, gates: [GateResult], actor: Actor) throws
        -> Bool
    {
        let snapshot = (["state=\(state.rawValue)"] + gates.map { "\($0.name.rawValue)=\($0.status.rawValue)" })
            .joined(separator: " ")
        return try write { db in
            let record = try Decisions.record(db, name: name)
            let previous = try String.fetchOne(
                db, sql: "SELECT gate_snapshot FROM cohort_state WHERE cohort = ?", arguments: [record.id])
            guard previous != snapshot else { return false }
            let now = Date().timeIntervalSince1970
            // Approved and rolled-back stick; the rest of the lifecycle follows the data.
            let stored = CohortState(rawValue: record.state)?.isSticky == true ? record.state : state.rawValue
            try db.execute(
                sql: """
                    INSERT INTO cohort_state (cohort, state, revision, gate_snapshot, updated_at) VALUES (?1, ?2, 1, ?3, ?4)
                    ON CONFLICT(cohort) DO UPDATE SET state = ?2, revision = revision + 1, gate_snapshot = ?3, updated_at = ?4
                    """, arguments: [record.id, stored, snapshot, now])
            try AuditLog.append(
                db, actor: actor, action: "gates-changed", cohort: name,
                detail: ["from": previous ?? "", "to": snapshot, "revision": String(record.revision + 1)], at: now)
            return true
        }
    }
}

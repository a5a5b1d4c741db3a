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

extension CutoverDatabase {
    /// True when gate snapshots were last recorded in full (`markGatesRecorded`) for data older than
    /// `generation`: a poll killed between ingesting and recording left them behind, and the next poll must
    /// record them even though it brings nothing new itself.
    public func gatesAreBehind(generation: Int64) throws -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'gates.generation'") != String(generation)
        }
    }

    /// Notes that every cohort's gate snapshot was recorded for data up to `generation` (read before the
    /// gates were computed, so data that arrived meanwhile is still seen as newer).
    public func markGatesRecorded(generation: Int64) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('gates.generation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(generation)])
        }
    }

    /// The current data generation (advanced by every ingest, inventory import and cohort definition).
    public func dataGeneration() throws -> Int64 {
        try read { db in try Self.generation(db) }
    }
}

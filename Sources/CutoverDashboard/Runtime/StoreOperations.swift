import CutoverCore
import CutoverFormats
import CutoverSources
import CutoverStore
import Foundation

/// Runs confirmed operations through the same code as `cutover hold`, `retry`, `ack`, `report`…, so the
/// dashboard and the command line cannot disagree; every change carries the actor and lands in the audit log.
public final class StoreOperations: OperationPerformer {
    /// The database each operation goes to, asked afresh every time: after the file is replaced, the new one.
    let currentDatabase: () throws -> CutoverDatabase
    let config: CutoverConfig?
    let actor: Actor
    let clock: () -> Double

    public convenience init(
        database: CutoverDatabase, config: CutoverConfig?, actor: Actor,
        clock: @escaping () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.init(currentDatabase: { database }, config: config, actor: actor, clock: clock)
    }

    /// Acts on whatever file `file` names at the time of each operation; refuses (with its sentence) while
    /// the file is missing.
    public convenience init(
        file: DatabaseFile, config: CutoverConfig?, actor: Actor,
        clock: @escaping () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.init(currentDatabase: file.database, config: config, actor: actor, clock: clock)
    }

    init(
        currentDatabase: @escaping () throws -> CutoverDatabase, config: CutoverConfig?, actor: Actor,
        clock: @escaping () -> Double
    ) {
        self.currentDatabase = currentDatabase
        self.config = config
        self.actor = actor
        self.clock = clock
    }

    public func perform(_ operation: Operation) -> (message: String, succeeded: Bool) {
        do {
            return (try run(operation), true)
        } catch {
            return (String(describing: error), false)
        }
    }

    private func run(_ operation: Operation) throws -> String {
        let database = try currentDatabase()
        switch operation {
        case .cohortAction(let action, let cohort, let reason, let revision):
            let outcome = try CohortActions.perform(
                action, cohort: cohort, reason: reason, expectedRevision: revision, actor: actor, database: database,
                config: config)
            switch outcome {
            case .holdSet: return "cohort \(cohort) is held"
            case .holdCleared: return "cohort \(cohort) is released"
            case .approvalPending: return "approval of \(cohort) recorded; a different person must confirm"
            case .approved: return "cohort \(cohort) is approved"
            case .rolledBack: return "cohort \(cohort) is rolled back"
            case .retryAllowed, .attested: return "\(action.rawValue) recorded for \(cohort)"
            }
        case .retry(let cohort, let revision):
            let batch = try CohortActions.writeRetryBatch(
                cohort: cohort, reason: nil, expectedRevision: revision, actor: actor, database: database,
                config: config)
            guard let folder = batch.folder else { return "nothing to retry in \(cohort)" }
            return "retry batch of \(batch.keys.count) keys written to \(folder)"
        case .triage(let ids, let target, let note):
            try database.triage(ids, to: target, note: note, actor: actor)
            return "\(ids.count == 1 ? "1 finding" : "\(ids.count) findings") \(target.rawValue)"
        case .acknowledgeCode(let code, let cohort, let note):
            let ids = try database.findingIDs(kind: .warning, code: code, cohort: cohort, states: [.open])
            guard !ids.isEmpty else { return "no open findings with warning \(code)" }
            try database.triage(ids, to: .acknowledged, note: note, actor: actor)
            return "\(ids.count) findings with warning \(code) acknowledged"
        case .export(let cohort):
            let now = clock()
            let stamp = EpochTime.format(now).replacingOccurrences(of: ":", with: "")
            let folder = ((database.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("reports/\(cohort)-\(stamp)")
            let pack = try EvidencePack(database: database, config: config, cohort: cohort, includePHI: false, now: now)
            _ = try pack.write(to: folder)
            return "evidence report written to \(folder)"
        case .revealPHI(let imageSet):
            var detail: [String: String] = [:]
            if let imageSet { detail["image_set"] = imageSet }
            try database.recordAccess(action: "reveal-phi", cohort: nil, actor: actor, detail: detail)
            return "patient identifiers shown; recorded in the audit log"
        }
    }
}

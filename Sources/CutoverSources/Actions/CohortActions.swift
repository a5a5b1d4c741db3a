import CutoverCore
import CutoverFormats
import CutoverStore

/// An action that was not taken, in one sentence for the user: a guard refused it, or someone else changed
/// the cohort first. Nothing was changed either way.
public struct CohortActionError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A product guard (or a missing cohort, reason or input location) refused the action.
        case refused
        /// The cohort's revision moved since it was looked at.
        case conflict
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// The lifecycle actions (product §5), shared by the command line and the dashboard: checked against the
/// cohort's live gates and stored record, then saved with their audit row in one transaction.
public enum CohortActions {
    /// Checks `action` with `ActionRules` and records it. `expectedRevision` is the revision the actor saw;
    /// nil acts on the revision read here. Throws `CohortActionError` for a refusal or a conflict.
    @discardableResult
    public static func perform(
        _ action: CohortAction, cohort: String, reason: String?, expectedRevision: Int64?, actor: Actor,
        database: CutoverDatabase, config: CutoverConfig?
    ) throws -> ActionOutcome {
        try translatingDecisionErrors {
            let context = try CohortGates(database: database, config: config, cohort: cohort)
            let outcome = try check(action, context: context, reason: reason, actor: actor)
            var detail = ["outcome": "\(outcome)"]
            if let reason { detail["reason"] = reason }
            if action == .approveOverride || (action == .confirmApproval && context.record.pendingOverride) {
                detail["override"] = "true"
                detail["gates"] = GateResult.blockers(context.gates).joined(separator: "; ")
            }
            try database.decide(
                cohort: cohort, action: action.rawValue, actor: actor,
                expectedRevision: expectedRevision ?? context.record.revision, detail: detail
            ) { record, _ in
                record.state = context.state.rawValue
                switch outcome {
                case .holdSet:
                    record.held = true
                    record.holdReason = reason
                case .holdCleared:
                    record.held = false
                    record.holdReason = nil
                case .approvalPending:
                    record.pendingApprovalBy = actor.name
                    record.pendingOverride = action == .approveOverride
                case .approved:
                    record.state = CohortState.approved.rawValue
                    record.pendingApprovalBy = nil
                    record.pendingOverride = false
                case .rolledBack:
                    record.state = CohortState.rolledBack.rawValue
                case .retryAllowed, .attested:
                    break
                }
            }
            return outcome
        }
    }

    /// Which approval an `approve` is: the confirmation of a pending one, an override, or a first approval.
    public static func approvalKind(record: CohortRecord, override: Bool) -> CohortAction {
        record.pendingApprovalBy != nil ? .confirmApproval : override ? .approveOverride : .approve
    }

    /// `ActionRules` against the live gates; a refusal becomes a `CohortActionError`.
    static func check(_ action: CohortAction, context: CohortGates, reason: String?, actor: Actor) throws
        -> ActionOutcome
    {
        let rules = ActionContext(
            state: context.state, held: context.record.held, gates: context.gates, reason: reason, actor: actor.name,
            pendingApprovalBy: context.record.pendingApprovalBy,
            pendingApprovalIsOverride: context.record.pendingOverride, twoPersonApproval: context.twoPersonApproval)
        switch ActionRules.check(action, rules) {
        case .failure(let refusal): throw CohortActionError(.refused, refusal.reason)
        case .success(let outcome): return outcome
        }
    }

    /// The store's decision errors, said the same way as the rules' refusals.
    static func translatingDecisionErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DecisionError {
            if case .conflict = error { throw CohortActionError(.conflict, error.description) }
            throw CohortActionError(.refused, error.description)
        }
    }
}

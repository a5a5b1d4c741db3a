/// The guards of product §5 as a pure function: the store checks, then records the outcome.
public enum ActionRules {
    /// Product §5 guards, one clear sentence per refusal.
    ///
    /// State guards are checked before the reason, so an operator first learns whether the action can
    /// happen at all. A hold blocks every kind of approval; retry, rollback and attest ignore it.
    public static func check(_ action: CohortAction, _ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if context.actor.allSatisfy(\.isWhitespace) { return .failure(ActionRefusal("an actor name is required")) }
        switch action {
        case .hold: return hold(context)
        case .release: return release(context)
        case .retry: return retry(context)
        case .approve: return approve(context)
        case .approveOverride: return approveOverride(context)
        case .confirmApproval: return confirmApproval(context)
        case .rollback: return rollback(context)
        case .attest: return attest(context)
        }
    }

    private static func hold(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if context.held { return refuse("the cohort is already held") }
        if !context.hasReason { return refuse("a reason is required to hold a cohort (--reason)") }
        return .success(.holdSet)
    }

    private static func release(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if !context.held { return refuse("the cohort is not held") }
        if !context.hasReason { return refuse("a reason is required to release a cohort (--reason)") }
        return .success(.holdCleared)
    }

    private static func retry(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if let settled = settled("retry", context.state) { return refuse(settled) }
        return .success(.retryAllowed)
    }

    private static func approve(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if let settled = settled("approve", context.state) { return refuse(settled) }
        if context.held { return refuse("cannot approve: the cohort is held; release it first") }
        if context.state != .ready || !GateResult.allPass(context.gates) {
            return refuse(notReady(context))
        }
        return firstApproval(context, verb: "approve")
    }

    private static func approveOverride(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if let settled = settled("approve", context.state) { return refuse(settled) }
        if context.held { return refuse("cannot approve with override: the cohort is held; release it first") }
        return firstApproval(context, verb: "approve with override")
    }

    /// The part approve and approve-override share once their own guards passed.
    private static func firstApproval(_ context: ActionContext, verb: String) -> Result<ActionOutcome, ActionRefusal> {
        if context.twoPersonApproval, let first = context.pendingApprovalBy {
            return refuse(
                "cannot \(verb): an approval by \(first) is already pending; a different person must confirm it "
                    + "(confirm-approval)")
        }
        if !context.hasReason { return refuse("a reason is required to \(verb) a cohort (--reason)") }
        return .success(context.twoPersonApproval ? .approvalPending : .approved)
    }

    private static func confirmApproval(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if let settled = settled("confirm an approval", context.state) { return refuse(settled) }
        guard let first = context.pendingApprovalBy else { return refuse("cannot confirm: no approval is pending") }
        if context.held { return refuse("cannot confirm: the cohort is held; release it first") }
        if samePerson(first, context.actor) {
            return refuse("cannot confirm: a different person must confirm the approval by \(first)")
        }
        if !context.pendingApprovalIsOverride, context.state != .ready || !GateResult.allPass(context.gates) {
            return refuse(notReady(context))
        }
        return .success(.approved)
    }

    private static func rollback(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if context.state != .approved {
            return refuse(
                "cannot roll back: only an approved cohort can be rolled back (this one is \(context.state.rawValue))")
        }
        if !context.hasReason { return refuse("a reason is required to roll back a cohort (--reason)") }
        return .success(.rolledBack)
    }

    private static func attest(_ context: ActionContext) -> Result<ActionOutcome, ActionRefusal> {
        if context.state == .rolledBack { return refuse("cannot attest: the cohort was rolled back") }
        return .success(.attested)
    }

    /// The refusal for an action that makes no sense once the cutover decision is final.
    private static func settled(_ verb: String, _ state: CohortState) -> String? {
        switch state {
        case .approved: "cannot \(verb): the cohort is already approved"
        case .rolledBack: "cannot \(verb): the cohort was rolled back"
        default: nil
        }
    }

    private static func notReady(_ context: ActionContext) -> String {
        let head =
            context.state == .ready
            ? "cannot approve: not every gate passes"
            : "cannot approve: the cohort is \(context.state.rawValue), not ready"
        let blockers = GateResult.blockers(context.gates)
        return blockers.isEmpty ? head : head + "; not passing: " + blockers.joined(separator: ", ")
    }

    /// Login names differ in case between machines; "Alice" confirming "alice" is still one person.
    private static func samePerson(_ first: String, _ second: String) -> Bool {
        first.lowercased() == second.lowercased()
    }

    private static func refuse(_ reason: String) -> Result<ActionOutcome, ActionRefusal> {
        .failure(ActionRefusal(reason))
    }
}

/// What the action guards look at: the cohort as it is now, and who is asking.
public struct ActionContext: Equatable, Sendable {
    public var state: CohortState
    public var held: Bool
    public var gates: [GateResult]
    /// The `--reason` given; blank counts as none.
    public var reason: String?
    public var actor: String
    /// Actor of a recorded first approval, if any.
    public var pendingApprovalBy: String?
    /// Whether the pending first approval was an override; a plain one needs the gates to still pass when it
    /// is confirmed, so gates that regressed in between are not approved by accident.
    public var pendingApprovalIsOverride: Bool
    public var twoPersonApproval: Bool

    public init(
        state: CohortState,
        held: Bool = false,
        gates: [GateResult] = [],
        reason: String? = nil,
        actor: String,
        pendingApprovalBy: String? = nil,
        pendingApprovalIsOverride: Bool = false,
        twoPersonApproval: Bool = true
    ) {
        self.state = state
        self.held = held
        self.gates = gates
        self.reason = reason
        self.actor = actor
        self.pendingApprovalBy = pendingApprovalBy
        self.pendingApprovalIsOverride = pendingApprovalIsOverride
        self.twoPersonApproval = twoPersonApproval
    }

    /// A reason with something in it.
    var hasReason: Bool { reason.map { !$0.allSatisfy(\.isWhitespace) } ?? false }
}

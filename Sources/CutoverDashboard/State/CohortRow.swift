import CutoverCore

/// One cohort as the dashboard shows it, with everything the action rules need to decide on the spot
/// (the command then re-checks against live data before writing).
public struct CohortRow: Equatable, Sendable {
    public var name: String
    public var state: CohortState
    public var held: Bool
    public var holdReason: String?
    public var revision: Int64
    public var expectedInstances: Int64
    public var importedInstances: Int64
    /// Open missing, customer-error and server-error findings.
    public var failures: Int64
    /// Open warning findings.
    public var warnings: Int64
    public var nonPrimary: Int64
    public var openFindings: Int64
    public var gates: [GateResult]
    public var pendingApprovalBy: String?
    public var pendingOverride: Bool
    public var twoPersonApproval: Bool

    public init(
        name: String, state: CohortState, held: Bool = false, holdReason: String? = nil, revision: Int64 = 0,
        expectedInstances: Int64, importedInstances: Int64, failures: Int64 = 0, warnings: Int64 = 0,
        nonPrimary: Int64 = 0, openFindings: Int64 = 0, gates: [GateResult], pendingApprovalBy: String? = nil,
        pendingOverride: Bool = false, twoPersonApproval: Bool = true
    ) {
        self.name = name
        self.state = state
        self.held = held
        self.holdReason = holdReason
        self.revision = revision
        self.expectedInstances = expectedInstances
        self.importedInstances = importedInstances
        self.failures = failures
        self.warnings = warnings
        self.nonPrimary = nonPrimary
        self.openFindings = openFindings
        self.gates = gates
        self.pendingApprovalBy = pendingApprovalBy
        self.pendingOverride = pendingOverride
        self.twoPersonApproval = twoPersonApproval
    }

    /// Imported over expected, 0…1; nil while nothing is expected yet.
    public var progress: Double? {
        expectedInstances > 0 ? min(1, Double(importedInstances) / Double(expectedInstances)) : nil
    }

    public func gate(_ name: GateName) -> GateStatus {
        gates.first { $0.name == name }?.status ?? .pending
    }

    /// The inputs of `ActionRules.check` for this cohort.
    public func actionContext(actor: String, reason: String?) -> ActionContext {
        ActionContext(
            state: state, held: held, gates: gates, reason: reason, actor: actor, pendingApprovalBy: pendingApprovalBy,
            pendingApprovalIsOverride: pendingOverride, twoPersonApproval: twoPersonApproval)
    }
}

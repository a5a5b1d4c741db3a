/// The stored side of a cohort's lifecycle, as of one revision.
public struct CohortRecord: Equatable, Sendable {
    public var id: Int64
    public var name: String
    /// The stored state (`approved` and `rolled-back` stick); the live state is derived with the gates.
    public var state: String
    public var held: Bool
    public var holdReason: String?
    public var revision: Int64
    public var pendingApprovalBy: String?
    public var pendingOverride: Bool
    /// The cohort's region profile as defined (the config's value wins when it names one).
    public var regionProfile: String?

    public init(
        id: Int64, name: String, state: String = "planned", held: Bool = false, holdReason: String? = nil,
        revision: Int64 = 0, pendingApprovalBy: String? = nil, pendingOverride: Bool = false,
        regionProfile: String? = nil
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.held = held
        self.holdReason = holdReason
        self.revision = revision
        self.pendingApprovalBy = pendingApprovalBy
        self.pendingOverride = pendingOverride
        self.regionProfile = regionProfile
    }
}

/// Why a decision was not recorded, in words for the user. Nothing was changed in either case.
public enum DecisionError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchCohort(String)
    /// Someone else changed the cohort after it was looked at.
    case conflict(cohort: String, expected: Int64, actual: Int64)
    case refused(String)

    public var description: String {
        switch self {
        case .noSuchCohort(let name): "there is no cohort named \(name); `cutover cohort list` shows them"
        case .conflict(let cohort, let expected, let actual):
            "cohort \(cohort) was changed by someone else (revision \(expected) is now \(actual)); nothing was "
                + "changed: look at it again and repeat the action if it still applies"
        case .refused(let reason): reason
        }
    }
}

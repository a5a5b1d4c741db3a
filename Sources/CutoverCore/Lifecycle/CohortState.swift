/// Where a cohort is on its way to cutover (product §5). `held` is a separate flag, not a state.
public enum CohortState: String, CaseIterable, Sendable {
    case planned, importing, validating, ready, approved
    case rolledBack = "rolled-back"

    /// States reached only by a human decision; derivation never leaves them.
    public var isSticky: Bool { self == .approved || self == .rolledBack }
}

/// What an allowed action does; the store turns it into a state change and an audit record.
public enum ActionOutcome: Equatable, Sendable {
    case holdSet, holdCleared, retryAllowed, approvalPending, approved, rolledBack, attested
}

/// Why an action was refused, as one sentence for the operator.
public struct ActionRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

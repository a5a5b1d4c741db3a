/// Kinds of migration work items (product §3).
public enum FindingKind: String, CaseIterable, Sendable, Codable {
    /// In the inventory, no result, and the job that covers its key has finished.
    case missing
    /// A result whose key is not in the inventory.
    case unexpected
    /// One study spread over more than one primary image set.
    case splitStudy = "split-study"
    /// An image set with isPrimary false.
    case nonPrimary = "non-primary"
    /// One warning code on one instance.
    case warning
    /// A failure line.
    case customerError = "customer-error"
    /// A key missing from a job whose manifest counts server errors.
    case serverError = "server-error"

    /// Kinds whose subject is an input key.
    public static let perKey: [FindingKind] = [.missing, .unexpected, .warning, .customerError, .serverError]
}

/// Triage states: `open → acknowledged → resolved | waived | retry-queued`. `resolved` is only ever set by
/// the data (a retry that succeeded, a promoted image set), never by hand.
public enum FindingState: String, CaseIterable, Sendable, Codable {
    case open, acknowledged, resolved, waived
    case retryQueued = "retry-queued"

    /// Still needs someone: counts against the gates.
    public var isOpen: Bool { self == .open || self == .acknowledged || self == .retryQueued }

    /// Whether a person may move a finding from this state to `target`.
    public func allowsManual(_ target: FindingState) -> Bool {
        switch (self, target) {
        case (.open, .acknowledged), (.open, .waived), (.acknowledged, .waived), (.open, .retryQueued),
            (.acknowledged, .retryQueued):
            true
        default:
            false
        }
    }
}

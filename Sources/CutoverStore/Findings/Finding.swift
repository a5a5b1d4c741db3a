import CutoverCore

/// A migration work item as stored.
public struct Finding: Equatable, Sendable {
    public var id: Int64
    public var kind: FindingKind
    /// The input key, image set id or StudyInstanceUID the finding is about.
    public var subject: String
    /// The warning code, for warnings.
    public var code: Int?
    public var cohort: String?
    public var state: FindingState
    /// Whether the condition holds in the data now.
    public var present: Bool
    public var firstSeen: Double
    public var updatedAt: Double
}

/// Who acts: from `--actor`, `CUTOVER_ACTOR` or the login name, with the host and the SSH client address.
public struct Actor: Equatable, Sendable {
    public var name: String
    public var host: String?
    public var sshClient: String?

    public init(name: String, host: String? = nil, sshClient: String? = nil) {
        self.name = name
        self.host = host
        self.sshClient = sshClient
    }
}

/// A triage request the data does not allow, in words for the user.
public enum TriageError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchFinding(Int64)
    case notAllowed(id: Int64, from: FindingState, to: FindingState)
    case noteRequired(FindingState)

    public var description: String {
        switch self {
        case .noSuchFinding(let id): "there is no finding \(id); `cutover findings` lists them"
        case .notAllowed(let id, let from, let to):
            "finding \(id) is \(from.rawValue); it cannot be moved to \(to.rawValue) by hand"
        case .noteRequired(let to): "a note is required to mark findings \(to.rawValue) (--note)"
        }
    }
}

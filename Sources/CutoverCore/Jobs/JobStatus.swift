/// The status of an AHI import job (`SUBMITTED`, `IN_PROGRESS`, `COMPLETED`, `FAILED`).
///
/// Unknown values are kept rather than rejected, because the service may add states.
public enum JobStatus: Hashable, Sendable, CustomStringConvertible {
    case submitted, inProgress, completed, failed
    case other(String)

    public init(wire: String) {
        switch wire {
        case "SUBMITTED": self = .submitted
        case "IN_PROGRESS": self = .inProgress
        case "COMPLETED": self = .completed
        case "FAILED": self = .failed
        default: self = .other(wire)
        }
    }

    /// The spelling on the wire and in the database.
    public var wire: String {
        switch self {
        case .submitted: "SUBMITTED"
        case .inProgress: "IN_PROGRESS"
        case .completed: "COMPLETED"
        case .failed: "FAILED"
        case .other(let s): s
        }
    }

    public var description: String { wire }

    /// Progress order. A job never moves back to a lower rank: events arrive late and out of order,
    /// so an `IN_PROGRESS` seen after `COMPLETED` is stale news, not a regression.
    public var rank: Int {
        switch self {
        case .submitted: 1
        case .inProgress: 2
        case .completed, .failed: 3
        case .other: 0
        }
    }

    public var isTerminal: Bool { rank == 3 }
}

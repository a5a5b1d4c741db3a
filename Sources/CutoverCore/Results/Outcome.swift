/// Which output file a result line came from.
public enum Outcome: String, CaseIterable, Sendable {
    case success, warning, failure

    /// The file name inside the job folder (`SUCCESS/success.ndjson`, …).
    public var relativePath: String {
        switch self {
        case .success: "SUCCESS/success.ndjson"
        case .warning: "WARNING/warning.ndjson"
        case .failure: "FAILURE/failure.ndjson"
        }
    }

    /// Small integer stored in the database.
    public var code: Int {
        switch self {
        case .success: 0
        case .warning: 1
        case .failure: 2
        }
    }

    public init?(code: Int) {
        switch code {
        case 0: self = .success
        case 1: self = .warning
        case 2: self = .failure
        default: return nil
        }
    }
}

import Foundation

/// Why no endpoint could be built. The override's value is never repeated: a URL with user info would put a
/// password into the message.
public enum EndpointError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// An `AWS_ENDPOINT_URL*` variable that is not a plain `http(s)://host[:port][/path]` URL.
    case invalidOverride(variable: String, reason: String)
    /// A region that cannot be a DNS label, so it cannot go into `service.{region}.amazonaws.com`.
    case invalidRegion(String)

    public var description: String {
        switch self {
        case .invalidOverride(let variable, let reason):
            "\(variable) is not a usable endpoint URL (\(reason)); use a form such as http://127.0.0.1:5000"
        case .invalidRegion(let region):
            "'\(region)' is not an AWS region name; use a name such as us-east-1"
        }
    }

    public var errorDescription: String? { description }
}

import Foundation

/// How to authenticate to a DICOMweb server. The secret is only ever put in the `Authorization` header:
/// `description` never shows it.
public enum DICOMwebAuthorization: Sendable, Equatable, CustomStringConvertible {
    case none
    /// HTTP basic authentication (RFC 7617).
    case basic(user: String, password: String)
    /// An OAuth or similar bearer token (RFC 6750).
    case bearer(token: String)

    /// The `Authorization` header value, or nil for `.none`.
    var headerValue: String? {
        switch self {
        case .none: nil
        case .basic(let user, let password): "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case .bearer(let token): "Bearer " + token
        }
    }

    public var description: String {
        switch self {
        case .none: "no authentication"
        case .basic(let user, _): "basic authentication as \(user)"
        case .bearer: "a bearer token"
        }
    }
}

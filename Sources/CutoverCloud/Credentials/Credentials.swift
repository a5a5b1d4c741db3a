/// An AWS access key pair, with a session token for temporary credentials.
///
/// Printing never reveals the secret or the token, and shows at most the last four characters of the key id
/// (as `aws configure list` does): `description`, `debugDescription` and the mirror used by `dump` and test
/// failure messages are all redacted, so a credential interpolated into a log line or an error is harmless.
public struct Credentials: Sendable, Hashable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Where the chain found them, for `cutover doctor`-style diagnostics.
    public var source: CredentialSource

    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
        source: CredentialSource = .explicit
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }
}

/// Where a set of credentials came from. Paths and profile names only, never key material.
public enum CredentialSource: Sendable, Hashable, CustomStringConvertible {
    case explicit
    case environment
    case sharedCredentialsFile(path: String, profile: String)
    case configFile(path: String, profile: String)

    public var description: String {
        switch self {
        case .explicit: "explicit"
        case .environment: "environment"
        case .sharedCredentialsFile(let path, let profile): "profile '\(profile)' in \(path)"
        case .configFile(let path, let profile): "profile '\(profile)' in \(path)"
        }
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let token = sessionToken == nil ? "none" : "<redacted>"
        return "Credentials(accessKeyID: \(maskedAccessKeyID), secretAccessKey: <redacted>, "
            + "sessionToken: \(token), source: \(source))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": maskedAccessKeyID, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "none" : "<redacted>", "source": source.description,
            ], displayStyle: .struct)
    }

    /// `****************MPLE` for a full-length key id; all stars when the id is too short for the tail to be
    /// a harmless hint.
    var maskedAccessKeyID: String {
        guard accessKeyID.count >= 16 else { return String(repeating: "*", count: accessKeyID.count) }
        return String(repeating: "*", count: accessKeyID.count - 4) + accessKeyID.suffix(4)
    }
}

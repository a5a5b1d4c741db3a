import Foundation

/// Why the credential chain could not produce credentials or a region.
///
/// Each message is one sentence that says what is missing and where the chain looked. Messages name
/// environment variables, files and profiles, never a key id, secret or token.
public enum CredentialError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Neither the environment nor the profile in either shared file had credentials.
    case noCredentials(profile: String, credentialsPath: String, configPath: String)
    /// One of the two environment variables is set without the other.
    case incompleteEnvironment(present: String, missing: String)
    /// The profile has one of `aws_access_key_id` / `aws_secret_access_key` but not the other.
    case incompleteProfile(profile: String, path: String, missing: String)
    /// `AWS_PROFILE` names a profile that neither shared file has.
    case profileNotFound(profile: String, credentialsPath: String, configPath: String)
    /// No region in the environment or in the profile.
    case noRegion(profile: String, configPath: String)

    public var description: String {
        switch self {
        case .noCredentials(let profile, let credentialsPath, let configPath):
            "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add profile '\(profile)' to "
                + "\(credentialsPath) or \(configPath)"
        case .incompleteEnvironment(let present, let missing):
            "incomplete AWS credentials: \(present) is set but \(missing) is not"
        case .incompleteProfile(let profile, let path, let missing):
            "incomplete AWS credentials: profile '\(profile)' in \(path) has no \(missing)"
        case .profileNotFound(let profile, let credentialsPath, let configPath):
            "AWS profile '\(profile)' (from AWS_PROFILE) is in neither \(credentialsPath) nor \(configPath)"
        case .noRegion(let profile, let configPath):
            "no AWS region: set AWS_REGION or AWS_DEFAULT_REGION, or add region to profile '\(profile)' in "
                + "\(configPath)"
        }
    }

    public var errorDescription: String? { description }
}

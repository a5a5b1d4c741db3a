/// Finds AWS credentials in the standard order: environment, then the shared credentials file, then the
/// shared config file, for the profile named by `AWS_PROFILE` (default `default`).
///
/// Nothing is read from the process: the environment, the home directory and the file reader are parameters,
/// so tests run against temp files and dictionaries.
///
///     let chain = CredentialChain(environment: ProcessInfo.processInfo.environment)
///     let credentials = try chain.credentials()
///     let region = try chain.region()
///
/// Not covered (yet): SSO, `credential_process`, assume-role profiles, web identity, IMDS and ECS providers.
public struct CredentialChain: Sendable {
    public var environment: [String: String]
    public var homeDirectory: String?
    public var reader: ConfigFileReader

    /// - Parameter homeDirectory: where `~` points; `nil` means the environment's `HOME`.
    public init(environment: [String: String], homeDirectory: String? = nil, reader: ConfigFileReader = .disk) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.reader = reader
    }

    /// `AWS_PROFILE`, or `default`.
    public var profileName: String {
        environment.awsVariable("AWS_PROFILE") ?? "default"
    }

    public func credentials() throws(CredentialError) -> Credentials {
        if let fromEnvironment = try environmentCredentials() {
            return fromEnvironment
        }
        let files = SharedConfigFiles(environment: environment, homeDirectory: homeDirectory, reader: reader)
        let profile = profileName
        let credentialsSection = files.credentialsProfile(profile)
        if let section = credentialsSection,
            let found = try Self.credentials(
                in: section, source: .sharedCredentialsFile(path: files.credentialsPath, profile: profile))
        {
            return found
        }
        let configSection = files.configProfile(profile)
        if let section = configSection,
            let found = try Self.credentials(
                in: section, source: .configFile(path: files.configPath, profile: profile))
        {
            return found
        }
        if environment.awsVariable("AWS_PROFILE") != nil && credentialsSection == nil && configSection == nil {
            throw .profileNotFound(
                profile: profile, credentialsPath: files.credentialsPath, configPath: files.configPath)
        }
        throw .noCredentials(profile: profile, credentialsPath: files.credentialsPath, configPath: files.configPath)
    }

    private func environmentCredentials() throws(CredentialError) -> Credentials? {
        let keyID = environment.awsVariable("AWS_ACCESS_KEY_ID")
        let secret = environment.awsVariable("AWS_SECRET_ACCESS_KEY")
        switch (keyID, secret) {
        case (let keyID?, let secret?):
            return Credentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment.awsVariable("AWS_SESSION_TOKEN"),
                source: .environment)
        case (_?, nil):
            throw .incompleteEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY")
        case (nil, _?):
            throw .incompleteEnvironment(present: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID")
        case (nil, nil):
            return nil
        }
    }

    /// Credentials from one profile section; `nil` when it has neither key, an error when it has only one.
    private static func credentials(
        in section: [String: String], source: CredentialSource
    ) throws(CredentialError) -> Credentials? {
        let keyID = section["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = section["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        let (path, profile) = source.location
        switch (keyID, secret) {
        case (let keyID?, let secret?):
            let token = section["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
            return Credentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token, source: source)
        case (_?, nil):
            throw .incompleteProfile(profile: profile, path: path, missing: "aws_secret_access_key")
        case (nil, _?):
            throw .incompleteProfile(profile: profile, path: path, missing: "aws_access_key_id")
        case (nil, nil):
            return nil
        }
    }
}

extension CredentialSource {
    fileprivate var location: (path: String, profile: String) {
        switch self {
        case .sharedCredentialsFile(let path, let profile), .configFile(let path, let profile): (path, profile)
        case .explicit, .environment: ("", "")
        }
    }
}

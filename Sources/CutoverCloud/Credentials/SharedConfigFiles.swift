/// The two shared AWS files, located the way botocore locates them and parsed once.
///
/// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` override the defaults `~/.aws/credentials` and
/// `~/.aws/config`; a leading `~/` is expanded with the home directory. In the credentials file a profile is
/// `[NAME]`; in the config file it is `[profile NAME]`, except the default profile, which is `[default]`
/// (`[profile default]` is accepted too and wins).
struct SharedConfigFiles: Sendable {
    let credentialsPath: String
    let configPath: String
    private let credentials: INIFile?
    private let config: INIFile?

    init(environment: [String: String], homeDirectory: String?, reader: ConfigFileReader) {
        let home = homeDirectory ?? environment.awsVariable("HOME")
        credentialsPath = Self.expand(
            environment.awsVariable("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials", home: home)
        configPath = Self.expand(environment.awsVariable("AWS_CONFIG_FILE") ?? "~/.aws/config", home: home)
        credentials = reader.read(credentialsPath).map(INIFile.init(parsing:))
        config = reader.read(configPath).map(INIFile.init(parsing:))
    }

    /// The profile's settings in the credentials file, or `nil` when the file or the section is missing.
    func credentialsProfile(_ name: String) -> [String: String]? {
        credentials?.sections[name]
    }

    /// The profile's settings in the config file, or `nil` when the file or the section is missing.
    func configProfile(_ name: String) -> [String: String]? {
        guard let config else { return nil }
        let named = config.sections.first { Self.configProfileName($0.key) == name }?.value
        if name == "default", let plain = config.sections["default"] {
            return plain.merging(named ?? [:]) { _, profileValue in profileValue }
        }
        return named
    }

    /// `profile NAME` → `NAME`, with any run of spaces or tabs between the two words.
    private static func configProfileName(_ section: String) -> String? {
        let words = section.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0] == "profile" else { return nil }
        return String(words[1])
    }

    private static func expand(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        let base = home.hasSuffix("/") ? String(home.dropLast()) : home
        return base + path.dropFirst()
    }
}

extension [String: String] {
    /// The variable's value, treating an empty value as unset, as botocore does.
    func awsVariable(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}

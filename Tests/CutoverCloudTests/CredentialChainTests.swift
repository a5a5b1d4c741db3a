import Foundation
import Testing

@testable import CutoverCloud

/// The credential chain over real temp files: environment first, then `~/.aws/credentials`, then
/// `~/.aws/config`, for `AWS_PROFILE`.
@Suite struct CredentialChainTests {
    /// A fresh home directory with optional `.aws/credentials` and `.aws/config`.
    struct Home {
        let path: String

        init(credentials: String? = nil, config: String? = nil) throws {
            path =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("cutover-credentials-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
            if let credentials {
                try credentials.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8)
            }
            if let config { try config.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8) }
        }

        func chain(_ environment: [String: String] = [:]) -> CredentialChain {
            CredentialChain(environment: environment, homeDirectory: path)
        }
    }

    static let credentialsFile = """
        # comment
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = secret/default+key

        ; another comment
        [ci]
        AWS_Access_Key_ID=AKIDCI
        aws_secret_access_key   =   secret-ci
        aws_session_token = token-ci
        """

    @Test func environmentComesFirst() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let credentials = try home.chain([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env", "AWS_SESSION_TOKEN": "token-env",
        ]).credentials()
        #expect(credentials.accessKeyID == "AKIDENV")
        #expect(credentials.secretAccessKey == "secret-env")
        #expect(credentials.sessionToken == "token-env")
        #expect(credentials.source == .environment)
    }

    @Test func emptyEnvironmentValuesCountAsUnset() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let credentials = try home.chain([
            "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
        ]).credentials()
        #expect(credentials.accessKeyID == "AKIDDEFAULT")
        #expect(credentials.sessionToken == nil)
    }

    @Test func defaultProfileFromCredentialsFile() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let credentials = try home.chain().credentials()
        #expect(credentials.accessKeyID == "AKIDDEFAULT")
        #expect(credentials.secretAccessKey == "secret/default+key")
        #expect(credentials.source == .sharedCredentialsFile(path: home.path + "/.aws/credentials", profile: "default"))
    }

    @Test func namedProfileWithMixedCaseKeysSpacingAndToken() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let credentials = try home.chain(["AWS_PROFILE": "ci"]).credentials()
        #expect(credentials.accessKeyID == "AKIDCI")
        #expect(credentials.secretAccessKey == "secret-ci")
        #expect(credentials.sessionToken == "token-ci")
    }

    /// As in `configparser`, an indented line continues the value above it, so this profile has no secret.
    @Test func indentedKeyIsAContinuationNotAKey() throws {
        let home = try Home(credentials: "[p]\naws_access_key_id = AKIDP\n  aws_secret_access_key = s\n")
        #expect(throws: CredentialError.self) { try home.chain(["AWS_PROFILE": "p"]).credentials() }
    }

    @Test func configFileProfilesUseTheProfilePrefixExceptDefault() throws {
        let home = try Home(
            config: """
                [default]
                aws_access_key_id = AKIDCONFIGDEFAULT
                aws_secret_access_key = s1
                [profile   staging]
                aws_access_key_id = AKIDSTAGING
                aws_secret_access_key = s2
                [staging]
                aws_access_key_id = AKIDWRONG
                aws_secret_access_key = wrong
                """)
        #expect(try home.chain().credentials().accessKeyID == "AKIDCONFIGDEFAULT")
        let staging = try home.chain(["AWS_PROFILE": "staging"]).credentials()
        #expect(staging.accessKeyID == "AKIDSTAGING")
        #expect(staging.source == .configFile(path: home.path + "/.aws/config", profile: "staging"))
    }

    @Test func credentialsFileWinsOverConfigFile() throws {
        let home = try Home(
            credentials: "[default]\naws_access_key_id=AKIDCREDS\naws_secret_access_key=a\n",
            config: "[default]\naws_access_key_id=AKIDCONFIG\naws_secret_access_key=b\n")
        #expect(try home.chain().credentials().accessKeyID == "AKIDCREDS")
    }

    @Test func fileLocationsComeFromTheEnvironment() throws {
        let home = try Home()
        try "[p]\naws_access_key_id=AKIDELSEWHERE\naws_secret_access_key=x\n"
            .write(toFile: home.path + "/creds.ini", atomically: true, encoding: .utf8)
        try "[profile p]\nregion=eu-west-2\n".write(toFile: home.path + "/conf.ini", atomically: true, encoding: .utf8)
        let chain = home.chain([
            "AWS_PROFILE": "p", "AWS_SHARED_CREDENTIALS_FILE": "~/creds.ini",
            "AWS_CONFIG_FILE": home.path + "/conf.ini",
        ])
        #expect(try chain.credentials().accessKeyID == "AKIDELSEWHERE")
        #expect(try chain.region() == "eu-west-2")
    }

    @Test func homeComesFromTheEnvironmentWhenNotGiven() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let chain = CredentialChain(environment: ["HOME": home.path])
        #expect(try chain.credentials().accessKeyID == "AKIDDEFAULT")
    }

    @Test func regionOrder() throws {
        let home = try Home(config: "[default]\nregion = ap-southeast-2\n[profile x]\nregion=eu-west-1\n")
        #expect(try home.chain(["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-2"]).region() == "us-west-2")
        #expect(try home.chain(["AWS_DEFAULT_REGION": "eu-west-2"]).region() == "eu-west-2")
        #expect(try home.chain().region() == "ap-southeast-2")
        #expect(try home.chain(["AWS_PROFILE": "x"]).region() == "eu-west-1")
    }

    @Test func readerIsAParameter() throws {
        let files = ["/h/.aws/credentials": "[default]\naws_access_key_id=AKIDMEM\naws_secret_access_key=m\n"]
        let chain = CredentialChain(environment: [:], homeDirectory: "/h", reader: ConfigFileReader { files[$0] })
        #expect(try chain.credentials().accessKeyID == "AKIDMEM")
    }
}

/// Failures say what is missing and where the chain looked, and never carry key material.
@Suite struct CredentialErrorTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let keyID = "AKIAIOSFODNN7EXAMPLE"

    func failure(_ chain: CredentialChain, region: Bool = false) -> CredentialError? {
        do {
            _ = region ? try chain.region() : try chain.credentials().accessKeyID
            return nil
        } catch {
            return error
        }
    }

    func chain(_ environment: [String: String], files: [String: String] = [:]) -> CredentialChain {
        CredentialChain(environment: environment, homeDirectory: "/home/u", reader: ConfigFileReader { files[$0] })
    }

    @Test func nothingAnywhere() {
        let error = failure(chain([:]))
        #expect(
            error?.description
                == "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add profile 'default' "
                + "to /home/u/.aws/credentials or /home/u/.aws/config")
    }

    @Test func incompleteEnvironmentNamesTheMissingVariableNotTheValue() {
        let error = failure(chain(["AWS_ACCESS_KEY_ID": Self.keyID]))
        #expect(error == .incompleteEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY"))
        #expect(error.map { !$0.description.contains(Self.keyID) } == true)

        let other = failure(chain(["AWS_SECRET_ACCESS_KEY": Self.secret]))
        #expect(
            other?.description
                == "incomplete AWS credentials: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        #expect(other.map { !$0.description.contains(Self.secret) } == true)
    }

    @Test func incompleteProfile() {
        let files = ["/home/u/.aws/credentials": "[default]\naws_secret_access_key = \(Self.secret)\n"]
        let error = failure(chain([:], files: files))
        #expect(
            error?.description
                == "incomplete AWS credentials: profile 'default' in /home/u/.aws/credentials has no aws_access_key_id")
        #expect(error.map { !$0.description.contains(Self.secret) } == true)
    }

    @Test func unknownExplicitProfile() {
        let files = [
            "/home/u/.aws/credentials": "[default]\naws_access_key_id=\(Self.keyID)\naws_secret_access_key=x\n"
        ]
        #expect(
            failure(chain(["AWS_PROFILE": "prod"], files: files))?.description
                == "AWS profile 'prod' (from AWS_PROFILE) is in neither /home/u/.aws/credentials nor "
                + "/home/u/.aws/config")
    }

    @Test func profileWithOnlyARegionHasNoCredentials() {
        let files = ["/home/u/.aws/config": "[profile prod]\nregion=us-east-1\n"]
        #expect(
            failure(chain(["AWS_PROFILE": "prod"], files: files))
                == .noCredentials(
                    profile: "prod", credentialsPath: "/home/u/.aws/credentials", configPath: "/home/u/.aws/config"))
    }

    @Test func noRegion() {
        #expect(
            failure(chain(["AWS_PROFILE": "prod"]), region: true)?.description
                == "no AWS region: set AWS_REGION or AWS_DEFAULT_REGION, or add region to profile 'prod' in "
                + "/home/u/.aws/config")
    }
}

/// Printing credentials, however it happens, never shows the secret, the token or the whole key id.
@Suite struct CredentialsRedactionTests {
    static let credentials = Credentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN", source: .environment)

    static var renderings: [(String, String)] {
        var dumped = ""
        dump(credentials, to: &dumped)
        return [
            ("interpolation", "\(credentials)"),
            ("String(describing:)", String(describing: credentials)),
            ("String(reflecting:)", String(reflecting: credentials)),
            ("debugDescription", credentials.debugDescription),
            ("dump", dumped),
            ("in an optional", "\(Optional(credentials) as Any)"),
            ("in an array", "\([credentials])"),
        ]
    }

    @Test func noRenderingRevealsKeyMaterial() {
        for (name, text) in Self.renderings {
            let comment = Comment(rawValue: "\(name): \(text)")
            #expect(!text.contains(Self.credentials.secretAccessKey), comment)
            #expect(!text.contains("FwoGZXIvYXdzEXAMPLETOKEN"), comment)
            #expect(!text.contains("AKIAIOSFODNN7EXAMPLE"), comment)
        }
    }

    @Test func descriptionShowsOnlyTheKeyIdTailAndTheSource() {
        #expect(
            "\(Self.credentials)"
                == "Credentials(accessKeyID: ****************MPLE, secretAccessKey: <redacted>, "
                + "sessionToken: <redacted>, source: environment)")
        #expect("\(Credentials(accessKeyID: "SHORT", secretAccessKey: "x"))".contains("accessKeyID: *****,"))
    }
}

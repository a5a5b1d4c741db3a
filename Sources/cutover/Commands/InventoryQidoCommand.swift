import ArgumentParser
import CutoverCloud
import CutoverSources
import CutoverStore
import Foundation

struct InventoryQidoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qido",
        abstract: "Count the studies, series and instances an edge PACS holds, over DICOMweb QIDO-RS.",
        discussion: """
            Walks studies, then each study's series, then each series' instances (listed, not taken from the
            optional NumberOf… attributes), with limit/offset paging. The counts replace those recorded for
            URL before, and are compared with the inventory study by study.
            Credentials: --user with the password in the variable --password-env names, or a bearer token in
            the variable --token-env names. They are never printed or stored.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The DICOMweb root, e.g. http://pacs:8042/dicom-web.")
    var url: String

    @Option(help: "User name for HTTP basic authentication.")
    var user: String?

    @Option(name: .customLong("password-env"), help: "The environment variable holding the password for --user.")
    var passwordEnv = "CUTOVER_PACS_PASSWORD"

    @Option(name: .customLong("token-env"), help: "The environment variable holding a bearer token.")
    var tokenEnv: String?

    @Option(name: .customLong("study-limit"), help: "Count only the first N studies the PACS lists.")
    var studyLimit: Int?

    @Option(name: .customLong("page-size"), help: "Results asked for per QIDO-RS request (limit).")
    var pageSize = 100

    @Option(help: "Seconds to wait for each request.")
    var timeout = 60

    func validate() throws {
        if user != nil && tokenEnv != nil { throw ValidationError("use either --user or --token-env") }
        if let studyLimit, studyLimit < 1 { throw ValidationError("--study-limit must be 1 or more") }
        if pageSize < 1 { throw ValidationError("--page-size must be 1 or more") }
        if timeout < 1 { throw ValidationError("--timeout must be 1 or more") }
    }

    func run() throws {
        try reportingErrors {
            let authorization = try authorization(ProcessInfo.processInfo.environment)
            let client = try DICOMwebClient(
                baseURL: url, http: CurlHTTPClient(), authorization: authorization, pageSize: pageSize,
                timeout: .seconds(timeout))
            let (database, _) = try store.openDatabase()
            let bar = ProgressBar(label: "counting", unit: "studies")
            let report = try PacsCensus(client: client).record(
                into: database, studyLimit: studyLimit, progress: bar.update)
            bar.finish()
            let comparison = try database.pacsComparison(source: report.source)
            PacsComparisonPrinter(comparison: comparison, report: report, limited: studyLimit != nil).print()
        }
    }

    func authorization(_ environment: [String: String]) throws -> DICOMwebAuthorization {
        if let user {
            guard let password = environment[passwordEnv] else {
                throw CLIError("--user \(user) needs a password: set the environment variable \(passwordEnv)")
            }
            return .basic(user: user, password: password)
        }
        if let tokenEnv {
            guard let token = environment[tokenEnv], !token.isEmpty else {
                throw CLIError("--token-env \(tokenEnv) names an environment variable that is not set")
            }
            return .bearer(token: token)
        }
        return .none
    }
}

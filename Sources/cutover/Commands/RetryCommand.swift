import CutoverCloud
import CutoverFormats
import CutoverSources
import ArgumentParser
import CutoverCore
import CutoverStore
import Foundation

struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Build a retry batch of a cohort's failed, missing and server-error keys.",
        discussion: """
            Writes retries/<batch>/ beside the database: keys.txt and commands.sh with the exact `aws s3 cp` and
            `aws medical-imaging start-dicom-import-job` commands (an idempotent client token derived from the
            keys, so running them twice starts one job). The findings become retry-queued. --dry-run shows the
            counts only. --live does it: copies each key under the retry prefix (S3 CopyObject) and starts the
            import job (StartDICOMImportJob with the client token), then records the batch; if anything fails,
            nothing is recorded and running it again starts no second job.
            """)

    @OptionGroup var action: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Flag(name: .customLong("dry-run"), help: "Show what would be retried; change nothing.")
    var dryRun = false

    @Flag(help: "Copy the keys and start the import job now, with the AWS credentials of the environment.")
    var live = false

    @Option(
        name: .customLong("role-arn"),
        help: "The import job's data access role (default: CUTOVER_IMPORT_ROLE_ARN).")
    var roleArn: String?

    func validate() throws {
        if live && (roleArn ?? ProcessInfo.processInfo.environment["CUTOVER_IMPORT_ROLE_ARN"] ?? "").isEmpty {
            throw ValidationError("--live needs the import job's role: --role-arn ARN or CUTOVER_IMPORT_ROLE_ARN")
        }
    }

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase()
            let launch = live && !dryRun ? try liveRetry(database: database, config: config) : nil
            let batch = try CohortActions.writeRetryBatch(
                cohort: action.cohort, reason: action.reason, expectedRevision: action.expectRevision,
                actor: actor.resolve(), database: database, config: config, dryRun: dryRun,
                launch: launch.map { retry in { try retry.launch($0, now: Date().timeIntervalSince1970) } })
            if batch.keys.isEmpty {
                print("nothing to retry in \(action.cohort): no open failure, missing or server-error findings")
            } else if let jobId = batch.jobId, let name = batch.name {
                print("retry batch \(name): \(batch.keys.count) keys copied under \(batch.retryPrefix ?? "?"); import job \(jobId) started")
            } else if let folder = batch.folder, let name = batch.name {
                print("retry batch \(name): \(batch.keys.count) keys (\(batch.countsText)) written to \(folder)")
            } else {
                print("would retry \(batch.keys.count) keys of \(action.cohort): \(batch.countsText)")
            }
        }
    }

    /// The clients a live retry needs, from the standard credential chain and endpoint overrides.
    private func liveRetry(database: CutoverDatabase, config: CutoverConfig?) throws -> LiveRetry {
        let environment = ProcessInfo.processInfo.environment
        let role = roleArn ?? environment["CUTOVER_IMPORT_ROLE_ARN"] ?? ""
        let chain = CredentialChain(environment: environment)
        let credentials = try chain.credentials()
        let region = try config?.datastores.first?.region ?? chain.region()
        let ahi = try AHIClient(
            http: CurlHTTPClient(environment: environment), credentials: credentials, region: region,
            environment: environment)
        let s3 = try S3Client(
            http: CurlHTTPClient(environment: environment), credentials: credentials, region: region,
            environment: environment)
        return LiveRetry(copier: s3, client: ahi, roleArn: role, database: database)
    }
}

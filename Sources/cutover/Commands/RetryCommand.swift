import CutoverSources
import ArgumentParser
import Crypto
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
            counts only.
            """)

    @OptionGroup var action: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Flag(name: .customLong("dry-run"), help: "Show what would be retried; change nothing.")
    var dryRun = false

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase()
            let context = try CohortGates(database: database, config: config, cohort: action.cohort)
            let who = actor.resolve()
            if case .failure(let refusal) = ActionRules.check(
                .retry,
                ActionContext(
                    state: context.state, held: context.record.held, gates: context.gates, reason: action.reason,
                    actor: who.name, twoPersonApproval: context.twoPersonApproval))
            {
                throw CLIError(refusal.reason)
            }
            let plan = try database.retryPlan(cohort: action.cohort)
            let keys = plan.keys
            let counts = plan.keysByKind.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
            guard !keys.isEmpty else {
                print("nothing to retry in \(action.cohort): no open failure, missing or server-error findings")
                return
            }
            if dryRun {
                print("would retry \(keys.count) keys of \(action.cohort): \(counts)")
                return
            }
            guard let bucket = plan.inputBucket, let datastore = plan.datastoreId else {
                throw CLIError("no job of \(action.cohort) says where its input lives (inputS3Uri); cannot write the commands")
            }
            let digest = SHA256.hash(data: Data(keys.joined(separator: "\n").utf8)).map { String(format: "%02x", $0) }.joined()
            let batch = "\(action.cohort)-retry-\(digest.prefix(12))"
            let token = "cutover-\(digest.prefix(40))"
            let folder = ((database.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("retries/\(batch)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try (keys.joined(separator: "\n") + "\n").write(toFile: folder + "/keys.txt", atomically: true, encoding: .utf8)
            let retryPrefix = "\(bucket)retry/\(batch)/"
            var script = """
                #!/bin/sh
                # Retry batch \(batch) for cohort \(action.cohort): \(counts).
                # Copies each key under \(retryPrefix) and starts one import job. The client token is derived from
                # the keys, so running this twice starts the job once. Set DATA_ACCESS_ROLE_ARN first.
                set -eu
                : "${DATA_ACCESS_ROLE_ARN:?set DATA_ACCESS_ROLE_ARN to the import role}"

                """
            for key in keys {
                script += "aws s3 cp '\(bucket)\(key)' '\(retryPrefix)\(key)'\n"
            }
            script += """
                aws medical-imaging start-dicom-import-job \\
                  --datastore-id \(datastore) \\
                  --job-name '\(batch)' \\
                  --client-token '\(token)' \\
                  --input-s3-uri '\(retryPrefix)' \\
                  --output-s3-uri '\(plan.outputPrefix ?? bucket + "output/")retry/' \\
                  --data-access-role-arn "$DATA_ACCESS_ROLE_ARN"

                """
            try script.write(toFile: folder + "/commands.sh", atomically: true, encoding: .utf8)
            try database.recordRetry(
                cohort: action.cohort, keys: keys, actor: who,
                expectedRevision: action.expectRevision ?? context.record.revision,
                detail: ["batch": batch, "keys": String(keys.count), "clientToken": token, "reason": action.reason ?? ""])
            print("retry batch \(batch): \(keys.count) keys (\(counts)) written to \(folder)")
        }
    }
}

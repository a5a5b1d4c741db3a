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
            let batch = try CohortActions.writeRetryBatch(
                cohort: action.cohort, reason: action.reason, expectedRevision: action.expectRevision,
                actor: actor.resolve(), database: database, config: config, dryRun: dryRun)
            if batch.keys.isEmpty {
                print("nothing to retry in \(action.cohort): no open failure, missing or server-error findings")
            } else if let folder = batch.folder, let name = batch.name {
                print("retry batch \(name): \(batch.keys.count) keys (\(batch.countsText)) written to \(folder)")
            } else {
                print("would retry \(batch.keys.count) keys of \(action.cohort): \(batch.countsText)")
            }
        }
    }
}

import ArgumentParser
import CutoverSources
import Foundation

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every source configured in cutover.toml, once or every few seconds.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Poll once and exit.")
    var once = false

    @Option(help: "Seconds between polls (default: sources.local.interval_seconds from the config).")
    var interval: Double?

    func run() throws {
        try reportingErrors {
            let config = try store.requireConfig()
            guard !config.localPaths.isEmpty else {
                throw CLIError("\(config.path): no sources configured; add paths under [sources.local]")
            }
            let (database, _) = try store.openDatabase()
            let ingestor = FolderIngestor(database: database)
            let seconds = interval ?? config.pollIntervalSeconds
            while true {
                let report = try ingestor.ingest(paths: config.localPaths, now: { Date().timeIntervalSince1970 })
                IngestSummary(report: report).print()
                if once {
                    if !report.problems.isEmpty { throw ExitCode.failure }
                    return
                }
                Thread.sleep(forTimeInterval: seconds)
            }
        }
    }
}

import ArgumentParser
import CutoverSources
import Foundation

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every source configured in cutover.toml, once or every few seconds.",
        discussion: """
            Each poll defines the config's cohorts, re-imports its inventory files when they changed, and
            ingests what is new in its local folders.
            """)

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
            let poll = ConfiguredPoll(config: config, database: database)
            let seconds = interval ?? config.pollIntervalSeconds
            while true {
                let report = try poll.run(now: { Date().timeIntervalSince1970 })
                PollSummary(report: report).print()
                if once {
                    if !report.ingest.problems.isEmpty { throw ExitCode.failure }
                    return
                }
                Thread.sleep(forTimeInterval: seconds)
            }
        }
    }
}

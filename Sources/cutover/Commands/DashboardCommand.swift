import ArgumentParser
import CutoverStore
import Foundation

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (what `cutover` runs with no command).",
        discussion: """
            Pages 1-7 (Cohorts, Jobs, Non-primary, Warnings, Gates, Events, Audit); ? lists every key. Runs the
            configured poller in the background unless another process holds the poller lease. --read-only
            opens the database read-only: action keys are shown dimmed and do nothing.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var look: LookOptions
    @OptionGroup var link: LinkOptions

    @Flag(name: .customLong("read-only"), help: "Look only: the database is opened read-only.")
    var readOnly = false

    @Flag(name: .customLong("no-poll"), help: "Do not run the poller inside the dashboard.")
    var noPoll = false

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase(readOnly: readOnly)
            let status = try DashboardLauncher.run(
                database: database, config: config,
                settings: .init(
                    mode: readOnly ? .readOnly : .interactive, runPoller: !noPoll, look: look, actor: actor.resolve(),
                    slowLink: link.slowLink))
            if status != 0 { throw ExitCode(status) }
        }
    }
}

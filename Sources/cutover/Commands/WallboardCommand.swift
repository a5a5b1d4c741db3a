import ArgumentParser
import CutoverStore
import Foundation

struct WallboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallboard",
        abstract: "A read-only screen for the room: rotating pages, large figures, a loud banner when polling stops.",
        discussion: """
            Opens the database read-only (SQLite refuses writes on that handle), registers no action key and
            never shows patient identifiers. Pages turn by themselves: Summary, Cohorts, Warnings, Jobs, Events.
            Runs without a keyboard (stdin may be closed); keys 1-7 and Tab turn pages when there is one.
            Ctrl-C, SIGTERM or SIGHUP stops it. A replaced or briefly missing database file is reopened.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var look: LookOptions
    @OptionGroup var link: LinkOptions

    @Option(help: "Seconds each page stays.")
    var rotate: Double = 15

    func validate() throws {
        guard rotate >= 1 else { throw ValidationError("--rotate must be at least 1 second") }
    }

    func run() throws {
        try reportingErrors {
            let config = try store.loadConfig()
            let status = try DashboardLauncher.runWallboard(
                path: store.databasePath(config: config), config: config,
                settings: .init(
                    mode: .wallboard, runPoller: false, look: look, actor: ActorOptions.current(),
                    slowLink: link.slowLink, rotateSeconds: rotate))
            if status != 0 { throw ExitCode(status) }
        }
    }
}

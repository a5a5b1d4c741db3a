import ArgumentParser
import CutoverDashboard
import CutoverStore
import CutoverTerminal
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print one frame of a dashboard page: for cron mails, tickets and CI.",
        discussion: """
            Pages: 1 cohorts, 2 jobs, 3 non-primary, 4 warnings, 5 gates, 6 events, 7 audit. Plain text unless
            --color (ANSI; NO_COLOR keeps only bold, underline and reverse). Opens the database read-only;
            patient identifiers stay masked.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var look: LookOptions

    @Option(help: "The page, by number or name.")
    var page = "cohorts"

    @Option(help: "The frame size as COLUMNSxROWS.")
    var size = "120x40"

    @Option(help: "For the gates page: the cohort (default: the first).")
    var cohort: String?

    @Flag(help: "ANSI colour and attributes.")
    var color = false

    @Option(help: .hidden)
    var measure: Int?

    func validate() throws {
        guard Page(argument: page) != nil else {
            throw ValidationError("--page: no page \(page); use 1-7 or cohorts, jobs, non-primary, warnings, gates, events, audit")
        }
        guard Self.parseSize(size) != nil else {
            throw ValidationError("--size: expected COLUMNSxROWS such as 120x40, got \(size)")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let page = Page(argument: page), let frame = Self.parseSize(size) else { return }
            let environment = ProcessInfo.processInfo.environment
            let (database, config) = try store.openDatabase(readOnly: true)
            let (theme, warning) = look.loadTheme(environment: environment)
            if let warning { printError("cutover: \(warning)") }
            let actor = ActorOptions.current()
            var state = AppState(
                mode: .readOnly, size: frame, glyphs: look.ascii ? .ascii : .unicode,
                header: headerInfo(config: config, path: database.path, actor: actor), now: Date().timeIntervalSince1970)
            state.page = page
            state.gatesCohort = cohort
            let loader = StorePageLoader(database: database, config: config, watchChanges: false)
            state.header = try loader.header(state.header)
            var queries = [state.query(for: page)]
            if page == .gates { queries.insert(state.query(for: .cohorts), at: 0) }
            for query in queries { _ = Reducer.reduce(&state, .loaded(query, try loader.load(query))) }
            if let measure {
                PageSwitchTimer(loader: loader, state: state).report(rounds: max(1, measure))
                return
            }
            let buffer = Screen.render(state)
            let depth = ColorDepth.detect(colors: 256, environment: environment)
            print(AnsiRenderer.render(buffer, theme: theme, depth: depth, plain: !color), terminator: "")
        }
    }

    static func parseSize(_ text: String) -> TerminalSize? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]), (20...1000).contains(columns),
            (5...500).contains(rows)
        else { return nil }
        return TerminalSize(columns: columns, rows: rows)
    }
}

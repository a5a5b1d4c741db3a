import CutoverDashboard
import CutoverFormats
import CutoverStore
import CutoverTerminal
import Foundation

/// Wires the dashboard and the wallboard: terminal, theme, store, poller, and the runtime loop; gives the
/// terminal back on every way out.
enum DashboardLauncher {
    struct Settings {
        var mode: DashboardMode
        var runPoller: Bool
        var look: LookOptions
        var actor: Actor
        var slowLink: Bool
        /// The wallboard's seconds per page.
        var rotateSeconds: Double = 15
    }

    /// The interactive dashboard (or its read-only form) on an open database.
    static func run(database: CutoverDatabase, config: CutoverConfig?, settings: Settings) throws -> Int32 {
        // Pages, actions and the poller follow the path: a database replaced while the dashboard runs is the
        // one they use from then on, never the unlinked old file.
        let file = DatabaseFile(database, readOnly: settings.mode != .interactive)
        var poller: BackgroundPoller?
        if settings.runPoller, settings.mode == .interactive, let config,
            !config.localPaths.isEmpty || config.ahi != nil || config.s3 != nil
        {
            poller = BackgroundPoller(config: config, file: file)
        }
        let loader = ReopeningLoader(file: file, config: config) { poller?.status ?? PollerStatus() }
        let performer =
            settings.mode == .interactive ? StoreOperations(file: file, config: config, actor: settings.actor) : nil
        return try run(
            loader: loader, performer: performer, config: config, path: database.path, settings: settings,
            starting: { poller?.start() }, stopping: { poller?.stop() })
    }

    /// The wallboard: a read-only handle that reopens the file when it is replaced or comes back.
    static func runWallboard(path: String, config: CutoverConfig?, settings: Settings) throws -> Int32 {
        try run(
            loader: ReopeningLoader(path: path, config: config), performer: nil, config: config, path: path,
            settings: settings, starting: {}, stopping: {})
    }

    private static func run(
        loader: PageLoader, performer: OperationPerformer?, config: CutoverConfig?, path: String, settings: Settings,
        starting: () -> Void, stopping: () -> Void
    ) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let (theme, warning) = settings.look.loadTheme(environment: environment)
        TerminalGuard.install()
        defer { TerminalGuard.uninstall() }
        let backend: NcursesBackend
        do {
            // The wallboard needs no keyboard: it runs with stdin closed or redirected too.
            let keyboard = settings.mode != .wallboard || isatty(0) == 1
            backend = try NcursesBackend(theme: theme, environment: environment, keyboard: keyboard)
        } catch {
            // TerminalError already says what to use instead.
            throw CLIError(String(describing: error))
        }
        defer { backend.restore() }
        starting()
        defer { stopping() }

        let now = Date().timeIntervalSince1970
        var state = AppState(
            mode: settings.mode, size: backend.size, glyphs: settings.look.ascii || !backend.utf8 ? .ascii : .unicode,
            header: headerInfo(config: config, path: path, actor: settings.actor), now: now)
        state.warning = warning
        if settings.mode == .wallboard {
            state.rotation = Rotation(seconds: settings.rotateSeconds, shownSince: now)
            state.page = .summary
        }
        let runtime = DashboardRuntime(
            state: state, backend: backend, loader: loader, performer: performer,
            timing: timing(settings), pendingSignal: { TerminalGuard.pendingSignal },
            frameLog: environment["CUTOVER_FRAME_LOG"].flatMap(FrameLog.init(path:)))
        return runtime.run()
    }

    /// Interactive: up to 10 frames/s. Wallboard: 1 frame/s. Slow link: a frame every 2 s at most, and the
    /// clock and the database looked at less often, so an idle screen sends next to nothing.
    static func timing(_ settings: Settings) -> DashboardRuntime.Timing {
        if settings.slowLink { return .init(frameInterval: 2, changeCheckInterval: 2, tickInterval: 5) }
        if settings.mode == .wallboard { return .init(frameInterval: 1, changeCheckInterval: 1, tickInterval: 1) }
        return .init()
    }
}

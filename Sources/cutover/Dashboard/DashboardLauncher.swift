import CutoverDashboard
import CutoverFormats
import CutoverStore
import CutoverTerminal
import Foundation

/// Wires the interactive dashboard: terminal, theme, store, poller, and the runtime loop; gives the terminal
/// back on every way out.
enum DashboardLauncher {
    struct Settings {
        var readOnly: Bool
        var runPoller: Bool
        var look: LookOptions
        var actor: Actor
    }

    /// Runs the dashboard until `q` or a signal and returns the exit status.
    static func run(database: CutoverDatabase, config: CutoverConfig?, settings: Settings) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let (theme, warning) = settings.look.loadTheme(environment: environment)
        TerminalGuard.install()
        defer { TerminalGuard.uninstall() }
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(theme: theme, environment: environment)
        } catch {
            throw CLIError("cannot open the dashboard: \(error); try `cutover status` or `cutover snapshot`")
        }
        defer { backend.restore() }

        var poller: BackgroundPoller?
        if settings.runPoller, !settings.readOnly, let config, !config.localPaths.isEmpty {
            let holder = "\(ProcessInfo.processInfo.processIdentifier)@\(settings.actor.host ?? "localhost")"
            poller = BackgroundPoller(config: config, database: database, holder: holder)
            poller?.start()
        }
        defer { poller?.stop() }

        let loader = StorePageLoader(database: database, config: config) { poller?.status ?? (nil, nil) }
        let performer = settings.readOnly ? nil : StoreOperations(database: database, config: config, actor: settings.actor)
        var state = AppState(
            mode: settings.readOnly ? .readOnly : .interactive, size: backend.size,
            glyphs: settings.look.ascii || !backend.utf8 ? .ascii : .unicode,
            header: headerInfo(config: config, database: database, actor: settings.actor),
            now: Date().timeIntervalSince1970)
        state.warning = warning
        let runtime = DashboardRuntime(
            state: state, backend: backend, loader: loader, performer: performer,
            pendingSignal: { TerminalGuard.pendingSignal })
        return runtime.run()
    }
}

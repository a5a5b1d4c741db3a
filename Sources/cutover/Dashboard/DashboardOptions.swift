import ArgumentParser
import CutoverDashboard
import CutoverFormats
import CutoverStore
import CutoverTerminal
import Foundation

/// How the dashboard looks: theme, glyphs, and the size of a snapshot.
struct LookOptions: ParsableArguments {
    @Option(help: "A built-in theme (default, light, high-contrast, okabe-ito, mono) or a theme file.")
    var theme: String?

    @Flag(help: "ASCII only: no box drawing or symbols (also chosen when the locale is not UTF-8).")
    var ascii = false

    func loadTheme(environment: [String: String]) -> (Theme, String?) {
        let (theme, warning) = ThemeLoader.load(nameOrPath: theme ?? environment["CUTOVER_THEME"], environment: environment)
        return (theme, warning)
    }
}

/// For the screens that stay open (dashboard, demo, wallboard), not for one-frame snapshots.
struct LinkOptions: ParsableArguments {
    @Flag(name: .customLong("slow-link"), help: "For slow SSH links: at most one frame every 2 s.")
    var slowLink = false
}

/// The header's fixed facts: migration, data stores, and who is looking from where.
func headerInfo(config: CutoverConfig?, path: String, actor: Actor) -> HeaderInfo {
    let name = config?.migrationName ?? URL(fileURLWithPath: path).lastPathComponent
    return HeaderInfo(
        migration: name, datastores: config?.datastores.map(\.id) ?? [],
        region: config?.datastores.compactMap(\.region).first, actor: actor.name, host: actor.host ?? "localhost",
        pollInterval: config?.pollIntervalSeconds ?? 30)
}

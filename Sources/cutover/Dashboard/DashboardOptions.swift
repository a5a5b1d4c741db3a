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

/// The header's fixed facts: migration, data stores, and who is looking from where.
func headerInfo(config: CutoverConfig?, database: CutoverDatabase, actor: Actor) -> HeaderInfo {
    let name = config?.migrationName ?? URL(fileURLWithPath: database.path).lastPathComponent
    return HeaderInfo(
        migration: name, datastores: config?.datastores.map(\.id) ?? [],
        region: config?.datastores.compactMap(\.region).first, actor: actor.name, host: actor.host ?? "localhost",
        pollInterval: config?.pollIntervalSeconds ?? 30)
}

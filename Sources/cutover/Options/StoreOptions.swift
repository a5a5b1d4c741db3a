import ArgumentParser
import CutoverFormats
import CutoverStore
import Foundation

/// `--db` and `--config`, shared by every command (product §6).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: cutover.sqlite beside the config; env CUTOVER_DB).")
    var db: String?

    @Option(
        name: .long,
        help: "The configuration file (default: ./cutover.toml, then $XDG_CONFIG_HOME/cutover/cutover.toml; env CUTOVER_CONFIG).")
    var config: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The config file to use, if any: an explicitly named one must exist.
    func configPath() throws -> String? {
        if let explicit = config ?? environment["CUTOVER_CONFIG"] { return explicit }
        if FileManager.default.fileExists(atPath: "cutover.toml") { return "cutover.toml" }
        let xdg = environment["XDG_CONFIG_HOME"] ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        let candidate = xdg + "/cutover/cutover.toml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The configuration, or nil when there is none (commands that need one say so).
    func loadConfig() throws -> CutoverConfig? {
        try configPath().map { try CutoverConfig.load(path: $0) }
    }

    func requireConfig() throws -> CutoverConfig {
        guard let config = try loadConfig() else {
            throw CLIError("no cutover.toml here; name one with --config, or run `cutover demo` for an example")
        }
        return config
    }

    func databasePath(config: CutoverConfig?) -> String {
        if let db = db ?? environment["CUTOVER_DB"] { return db }
        if let config { return (config.directory.isEmpty ? "." : config.directory) + "/cutover.sqlite" }
        return "cutover.sqlite"
    }

    func openDatabase(readOnly: Bool = false) throws -> (CutoverDatabase, CutoverConfig?) {
        let config = try loadConfig()
        // Undocumented: the e2e tests' stand-in for a full disk where they cannot mount a small file system.
        let maxPageCount = environment["CUTOVER_TEST_MAX_PAGE_COUNT"].flatMap { Int($0) }
        return (
            try CutoverDatabase(path: databasePath(config: config), readOnly: readOnly, maxPageCount: maxPageCount),
            config
        )
    }
}

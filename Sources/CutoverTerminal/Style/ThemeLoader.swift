import CutoverFormats
import Foundation

/// Finds the theme the user asked for (`--theme NAME|PATH`) and never fails: a problem becomes a warning for
/// the dashboard's flash line and the default theme is used.
///
/// `NO_COLOR` is deliberately not handled here; the caller passes `.mono` to `Theme.resolve` (see
/// `ColorDepth.detect`), so the chosen theme's attributes still apply.
public enum ThemeLoader {
    /// - nil or empty: the default theme.
    /// - a built-in name (`Theme.builtInNames`): that theme.
    /// - a bare name: `$XDG_CONFIG_HOME/cutover/themes/NAME.toml` (or `~/.config/…`) if it exists.
    /// - anything else: a path; `~/` is expanded with `HOME`.
    ///
    /// A file starts from its `base` built-in theme (`default` when it names none) and overrides what it gives.
    public static func load(nameOrPath: String?, environment: [String: String]) -> (theme: Theme, warning: String?) {
        guard let request = nameOrPath, !request.isEmpty else { return (.default, nil) }
        if let theme = Theme.builtIn(named: request) { return (theme, nil) }
        guard let path = locate(request, environment: environment) else {
            let names = Theme.builtInNames.joined(separator: ", ")
            return (.default, "unknown theme \(request) (built-in themes are \(names)); using the default theme")
        }
        do {
            return (try load(path: path), nil)
        } catch {
            return (.default, "\(error); using the default theme")
        }
    }

    /// Reads a theme file; every problem is a `ConfigError` naming the file and line.
    public static func load(path: String) throws -> Theme {
        let file = try ThemeFile.load(path: path, roleNames: Theme.roleNames, baseNames: Set(Theme.builtInNames))
        let base = file.base.flatMap { Theme.builtIn(named: $0) } ?? .default
        let fallbackName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return base.overridden(by: file, name: file.name ?? fallbackName)
    }

    private static func locate(_ request: String, environment: [String: String]) -> String? {
        let home = environment["HOME"]
        if request.hasPrefix("~/"), let home { return home + request.dropFirst() }
        if request.contains("/") || request.hasSuffix(".toml") { return request }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home.map { $0 + "/.config" }
        guard let config else { return nil }
        let candidate = "\(config)/cutover/themes/\(request).toml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}

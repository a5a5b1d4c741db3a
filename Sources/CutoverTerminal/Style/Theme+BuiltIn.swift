import CutoverFormats

extension Theme {
    /// The shipped themes, in the order help text lists them.
    public static let builtInNames: [String] = BuiltInThemes.all.map(\.name)

    /// Dark-friendly, on the terminal's own background.
    public static let `default`: Theme = builtIns["default"]!

    /// A shipped theme by name, or nil.
    public static func builtIn(named name: String) -> Theme? { builtIns[name] }

    /// Parsed once from the embedded text. A shipped theme that does not parse is a bug the tests catch, so
    /// failing loudly here is right.
    private static let builtIns: [String: Theme] = {
        var themes: [String: Theme] = [:]
        for (name, text) in BuiltInThemes.all {
            do {
                let file = try ThemeFile.parse(
                    text, path: "themes/\(name).toml", roleNames: roleNames, baseNames: Set(themes.keys))
                let base = file.base.flatMap { themes[$0] } ?? Theme(name: name)
                themes[name] = base.overridden(by: file, name: file.name ?? name)
            } catch {
                preconditionFailure("built-in theme \(name) is broken: \(error)")
            }
        }
        return themes
    }()
}

/// Which colour pair and attributes each style role gets, worked out before any curses call so the rules are
/// tested without a terminal.
///
/// Every role owns pair `rawValue + 1` (pair 0 is curses' fixed default). In mono no pair is allocated and roles
/// differ by attributes alone. Palette indices the terminal cannot show fall back to the terminal's own colour
/// rather than to a wrong one.
struct ColorPairPlan: Equatable {
    struct Entry: Equatable {
        /// The curses pair number; 0 means "no colour of its own".
        var pair: Int16
        /// Foreground and background palette indices; -1 is the terminal's default colour.
        var foreground: Int16
        var background: Int16
        var attributes: TextAttributes
    }

    /// One entry per role, indexed by `StyleRole.rawValue`.
    let entries: [Entry]

    /// - Parameters:
    ///   - colors: the terminal's `COLORS`.
    ///   - defaultColors: whether `use_default_colors` succeeded; without it -1 is not a colour, so the default
    ///     foreground becomes white (7) and the default background black (0).
    ///   - resolve: the theme's style for a role at `depth`.
    static func plan(
        depth: ColorDepth, colors: Int, defaultColors: Bool, resolve: (StyleRole) -> ResolvedStyle
    ) -> ColorPairPlan {
        let entries = StyleRole.allCases.map { role -> Entry in
            let style = resolve(role)
            guard depth != .mono else {
                return Entry(pair: 0, foreground: -1, background: -1, attributes: style.attributes)
            }
            func index(_ value: Int?, fallback: Int16) -> Int16 {
                guard let value, value >= 0, value < colors else { return defaultColors ? -1 : fallback }
                return Int16(value)
            }
            return Entry(
                pair: Int16(role.rawValue) + 1,
                foreground: index(style.foreground, fallback: 7),
                background: index(style.background, fallback: 0),
                attributes: style.attributes)
        }
        return ColorPairPlan(entries: entries)
    }

    subscript(role: StyleRole) -> Entry { entries[Int(role.rawValue)] }
}

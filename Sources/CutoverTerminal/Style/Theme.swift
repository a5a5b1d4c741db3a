import CutoverFormats

/// How each `StyleRole` looks: colours as the theme names them, reduced to the terminal's depth on `resolve`.
///
/// Themes come from `ThemeLoader` (built-in names or files). `NO_COLOR` is not read here: the caller passes
/// `.mono` as the depth (`ColorDepth.detect` does that), and every theme then falls back to attributes.
public struct Theme: Sendable, Equatable {
    /// One role's look before reduction.
    public struct RoleStyle: Sendable, Equatable {
        public var foreground: ColorSpec
        public var background: ColorSpec
        /// nil when the theme says nothing: colour depths then draw no attributes and mono uses
        /// `Theme.monoAttributes(for:)`. Attributes a theme does give are used at every depth, mono included.
        public var attributes: TextAttributes?

        public init(
            foreground: ColorSpec = .terminalDefault, background: ColorSpec = .terminalDefault,
            attributes: TextAttributes? = nil
        ) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public var name: String
    /// Every role; one missing reads as the terminal's own colours.
    public var roles: [StyleRole: RoleStyle]

    public init(name: String, roles: [StyleRole: RoleStyle] = [:]) {
        self.name = name
        self.roles = roles
    }

    public subscript(role: StyleRole) -> RoleStyle {
        get { roles[role] ?? RoleStyle() }
        set { roles[role] = newValue }
    }

    /// The role as the terminal draws it at `depth`: palette indices and attributes, or attributes alone at mono.
    public func resolve(_ role: StyleRole, depth: ColorDepth) -> ResolvedStyle {
        let style = self[role]
        guard depth > .mono else {
            return ResolvedStyle(attributes: style.attributes ?? Theme.monoAttributes(for: role))
        }
        return ResolvedStyle(
            foreground: ColorLadder.index(of: style.foreground, depth: depth),
            background: ColorLadder.index(of: style.background, depth: depth),
            attributes: style.attributes ?? [])
    }

    /// Severity without colour, after glances: critical is reverse and bold, warning underlined, careful bold.
    public static func monoAttributes(for role: StyleRole) -> TextAttributes {
        switch role {
        case .critical: [.reverse, .bold]
        case .warning: .underline
        case .careful, .accent: .bold
        case .stale, .muted, .disabled: .dim
        case .selected, .header: .reverse
        case .normal, .ok: []
        }
    }

    /// The role names theme files may use.
    public static let roleNames: Set<String> = Set(StyleRole.allCases.map(\.name))

    /// This theme with `file`'s roles laid over it field by field: a role the file gives only `fg` keeps this
    /// theme's background and attributes.
    public func overridden(by file: ThemeFile, name: String) -> Theme {
        var theme = self
        theme.name = name
        for role in StyleRole.allCases {
            guard let spec = file.roles[role.name] else { continue }
            var style = theme[role]
            if let fg = spec.fg { style.foreground = fg }
            if let bg = spec.bg { style.background = bg }
            if let attrs = spec.attrs { style.attributes = TextAttributes(names: attrs) }
            theme[role] = style
        }
        return theme
    }
}

extension TextAttributes {
    /// From theme-file names; `ThemeFile` has already rejected unknown ones.
    init(names: [String]) {
        self = []
        for name in names {
            switch name {
            case "bold": insert(.bold)
            case "dim": insert(.dim)
            case "underline": insert(.underline)
            case "reverse": insert(.reverse)
            default: break
            }
        }
    }
}

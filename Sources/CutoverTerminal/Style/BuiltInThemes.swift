/// The shipped themes, embedded so the binary needs no files. Each literal is byte-for-byte the file in
/// `themes/` (a test compares them): edit the file, then paste it here.
enum BuiltInThemes {
    /// Name and TOML text, in the order `cutover --help` lists them.
    static let all: [(name: String, text: String)] = [
        ("default", defaultText),
        ("light", lightText),
        ("high-contrast", highContrastText),
        ("okabe-ito", okabeItoText),
        ("mono", monoText),
    ]

    static let defaultText = #"""
        # cutover's default theme: for dark terminals, on the terminal's own background.
        # Severity roles carry no attrs here, so under NO_COLOR (mono) they keep the built-in encoding:
        # critical = reverse + bold, warning = underline, careful = bold.
        name = "default"

        [roles.normal]
        fg = "default"
        bg = "default"

        [roles.muted]
        fg = "bright-black"
        bg = "default"

        [roles.accent]
        fg = "bright-blue"
        bg = "default"
        attrs = ["bold"]

        [roles.ok]
        fg = "green"
        bg = "default"

        [roles.careful]
        fg = "cyan"
        bg = "default"

        [roles.warning]
        fg = "yellow"
        bg = "default"

        [roles.critical]
        fg = "bright-red"
        bg = "default"

        [roles.stale]
        fg = "magenta"
        bg = "default"

        [roles.selected]
        fg = "black"
        bg = "cyan"

        [roles.header]
        fg = "bright-white"
        bg = "blue"

        [roles.disabled]
        fg = "bright-black"
        bg = "default"

        """#

    static let lightText = #"""
        # For light terminals: dark, saturated foregrounds on the terminal's own (white) background.
        name = "light"

        [roles.normal]
        fg = "default"
        bg = "default"

        [roles.muted]
        fg = "bright-black"
        bg = "default"

        [roles.accent]
        fg = "blue"
        bg = "default"
        attrs = ["bold"]

        [roles.ok]
        fg = "green"
        bg = "default"

        [roles.careful]
        fg = "cyan"
        bg = "default"

        [roles.warning]
        fg = "magenta"
        bg = "default"

        [roles.critical]
        fg = "red"
        bg = "default"

        [roles.stale]
        fg = "yellow"
        bg = "default"

        [roles.selected]
        fg = "black"
        bg = "bright-cyan"

        [roles.header]
        fg = "bright-white"
        bg = "blue"

        [roles.disabled]
        fg = "bright-black"
        bg = "default"

        """#

    static let highContrastText = #"""
        # Strong colours doubled with the mono encoding, so severity never rests on hue alone:
        # critical = reverse + bold, warning = underline, careful = bold, selection = reverse.
        name = "high-contrast"

        [roles.normal]
        fg = "bright-white"
        bg = "default"
        attrs = []

        [roles.muted]
        fg = "white"
        bg = "default"
        attrs = []

        [roles.accent]
        fg = "bright-cyan"
        bg = "default"
        attrs = ["bold"]

        [roles.ok]
        fg = "bright-green"
        bg = "default"
        attrs = []

        [roles.careful]
        fg = "bright-blue"
        bg = "default"
        attrs = ["bold"]

        [roles.warning]
        fg = "bright-yellow"
        bg = "default"
        attrs = ["underline", "bold"]

        [roles.critical]
        fg = "bright-red"
        bg = "default"
        attrs = ["reverse", "bold"]

        [roles.stale]
        fg = "bright-magenta"
        bg = "default"
        attrs = ["dim"]

        [roles.selected]
        fg = "default"
        bg = "default"
        attrs = ["reverse"]

        [roles.header]
        fg = "bright-white"
        bg = "blue"
        attrs = ["bold"]

        [roles.disabled]
        fg = "white"
        bg = "default"
        attrs = ["dim"]

        """#

    static let okabeItoText = #"""
        # Colour-blind safe: the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every common
        # colour-vision deficiency. Severity runs bluish green, yellow, orange, vermillion.
        name = "okabe-ito"

        [roles.normal]
        fg = "default"
        bg = "default"

        [roles.muted]
        fg = "bright-black"
        bg = "default"

        [roles.accent]
        fg = "#56B4E9"
        bg = "default"
        attrs = ["bold"]

        [roles.ok]
        fg = "#009E73"
        bg = "default"

        [roles.careful]
        fg = "#F0E442"
        bg = "default"

        [roles.warning]
        fg = "#E69F00"
        bg = "default"

        [roles.critical]
        fg = "#D55E00"
        bg = "default"

        [roles.stale]
        fg = "#CC79A7"
        bg = "default"

        [roles.selected]
        fg = "#000000"
        bg = "#56B4E9"

        [roles.header]
        fg = "bright-white"
        bg = "#0072B2"

        [roles.disabled]
        fg = "bright-black"
        bg = "default"

        """#

    static let monoText = #"""
        # Attributes only, for terminals without colour or users who prefer none (glances' encoding):
        # critical = reverse + bold, warning = underline, careful = bold.
        name = "mono"

        [roles.normal]
        attrs = []

        [roles.muted]
        attrs = ["dim"]

        [roles.accent]
        attrs = ["bold"]

        [roles.ok]
        attrs = []

        [roles.careful]
        attrs = ["bold"]

        [roles.warning]
        attrs = ["underline"]

        [roles.critical]
        attrs = ["reverse", "bold"]

        [roles.stale]
        attrs = ["dim"]

        [roles.selected]
        attrs = ["reverse"]

        [roles.header]
        attrs = ["reverse"]

        [roles.disabled]
        attrs = ["dim"]

        """#
}

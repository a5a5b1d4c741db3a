/// A colour as a theme file names it, before the terminal's colour depth is known.
///
/// Themes may say `"default"` (the terminal's own colour, which keeps a transparent background), one of the
/// sixteen ANSI names (so the user's terminal palette is respected), a palette index 0–255, or `"#rrggbb"`.
/// Reducing these to what the terminal can show is the terminal layer's job.
public enum ColorSpec: Hashable, Sendable {
    case terminalDefault
    case ansi(ANSIColor)
    case indexed(Int)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// Reads the string form: `default`, an ANSI name, or `#rrggbb`; nil when it is none of these.
    public init?(string: String) {
        let text = string.lowercased()
        if text == "default" {
            self = .terminalDefault
        } else if let color = ANSIColor(name: text) {
            self = .ansi(color)
        } else if text.hasPrefix("#"), text.count == 7, text.dropFirst().allSatisfy(\.isHexDigit),
            let value = UInt32(text.dropFirst(), radix: 16)
        {
            self = .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// Reads the number form, a palette index; nil outside 0–255.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(index)
    }
}

/// The sixteen colours every colour terminal has, in palette order, so `rawValue` is the palette index.
public enum ANSIColor: Int, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The name in theme files: `red`, `bright-red`.
    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return rawValue < 8 ? base : "bright-\(base)"
    }

    public init?(name: String) {
        guard let color = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = color
    }
}

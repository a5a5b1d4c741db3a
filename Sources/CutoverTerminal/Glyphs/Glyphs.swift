/// Every symbol the screens draw, in two sets: Unicode, and its ASCII twin for `--ascii`, a `C`/`POSIX`
/// locale, or terminals without line drawing. A glyph always sits beside a word or count, never alone.
public struct Glyphs: Equatable, Sendable {
    public var pass: String
    public var hold: String
    public var pending: String
    public var held: String
    public var barFull: Character
    public var barEmpty: Character
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: String
    public var sortUp: String
    public var sortDown: String
    public var separator: String
    public var selected: String

    public static let unicode = Glyphs(
        pass: "✓", hold: "✗", pending: "…", held: "‖", barFull: "█", barEmpty: "░", horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", ellipsis: "…", sortUp: "▲", sortDown: "▼",
        separator: "·",
        selected: "▶")

    public static let ascii = Glyphs(
        pass: "+", hold: "x", pending: ".", held: "H", barFull: "#", barEmpty: "-", horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", ellipsis: "~", sortUp: "^", sortDown: "v",
        separator: "|",
        selected: ">")
}

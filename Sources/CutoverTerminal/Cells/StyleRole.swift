/// What a cell means, not how it looks: a theme turns roles into colours and attributes.
///
/// Severity roles (`ok` … `critical`) always travel with a glyph or a word on screen, so nothing depends on
/// colour alone.
public enum StyleRole: UInt8, CaseIterable, Sendable {
    case normal
    case muted
    case accent
    case ok
    case careful
    case warning
    case critical
    case stale
    case selected
    case header
    case disabled

    /// One letter per role for the style layer of text snapshots.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .muted: "m"
        case .accent: "a"
        case .ok: "o"
        case .careful: "c"
        case .warning: "w"
        case .critical: "x"
        case .stale: "s"
        case .selected: "S"
        case .header: "h"
        case .disabled: "d"
        }
    }

    /// The name used in theme files.
    public var name: String { String(describing: self) }
}

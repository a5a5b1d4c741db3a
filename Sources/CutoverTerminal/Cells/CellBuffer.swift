/// A frame: a grid of cells the screens draw into, and the only thing the backends see.
public struct CellBuffer: Equatable, Sendable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]
    /// When set, every string drawn is reduced to ASCII (`--ascii`).
    public var asciiOnly: Bool

    public init(size: TerminalSize, asciiOnly: Bool = false) {
        self.size = size
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: max(0, size.columns) * max(0, size.rows))
    }

    public var width: Int { size.columns }
    public var height: Int { size.rows }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.columns + x] }
        set { cells[y * size.columns + x] = newValue }
    }

    /// Draws `text` at (`x`, `y`) in at most `maxWidth` columns (to the right edge when nil), sanitised and
    /// clipped; a wide character that would straddle the limit becomes a space. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.rows, x < size.columns else { return 0 }
        let limit = min(size.columns, maxWidth.map { x + max(0, $0) } ?? size.columns)
        var column = x
        for character in ScreenText.sanitize(text, ascii: asciiOnly) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A stray combining mark with nothing to attach to is dropped rather than drawn alone.
                continue
            }
            if column + w > limit {
                if column < limit { self[column, y] = Cell(" ", role: role) ; column += 1 }
                break
            }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                if w == 2 { self[column + 1, y] = Cell(" ", role: role, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Draws `text` so that it ends at column `right` (exclusive); returns the column it started at.
    @discardableResult
    public mutating func putRight(_ text: String, right: Int, y: Int, role: StyleRole = .normal) -> Int {
        let w = DisplayWidth.of(ScreenText.sanitize(text, ascii: asciiOnly))
        let x = max(0, right - w)
        put(text, x: x, y: y, role: role, maxWidth: right - x)
        return x
    }

    /// Sets the role of `width` cells from (`x`, `y`) without touching their characters (selection bars).
    public mutating func paint(x: Int = 0, y: Int, width: Int? = nil, role: StyleRole) {
        guard y >= 0, y < size.rows else { return }
        let end = min(size.columns, width.map { x + $0 } ?? size.columns)
        for column in max(0, x)..<max(max(0, x), end) { self[column, y].role = role }
    }

    /// Blanks a rectangle and gives it `role`.
    public mutating func clear(x: Int = 0, y: Int, width: Int? = nil, height: Int = 1, role: StyleRole = .normal) {
        let end = min(size.columns, width.map { x + $0 } ?? size.columns)
        for row in max(0, y)..<min(size.rows, max(0, y + height)) {
            for column in max(0, x)..<max(max(0, x), end) { self[column, row] = Cell(" ", role: role) }
        }
    }

    /// The characters of row `y`, continuation cells skipped: what a terminal shows.
    public func text(row y: Int) -> String {
        var line = ""
        for x in 0..<size.columns where !self[x, y].isContinuation { line.append(self[x, y].character) }
        return line
    }

    /// Every row as text, trailing spaces kept so columns line up.
    public var lines: [String] { (0..<size.rows).map { text(row: $0) } }
}

/// Turns a frame into text for `cutover snapshot`: plain, or with SGR escape sequences for `--color`.
///
/// Styled output starts every row from the terminal's default style, writes a sequence only where the style
/// changes and ends every row with `ESC[0m`, so any row can be printed, piped or cut on its own without
/// colours bleeding into the next.
public enum AnsiRenderer {
    /// - `plain`: no escape sequences at all and trailing spaces trimmed, whatever `depth` says (what
    ///   `snapshot` prints without `--color`, and what `NO_COLOR` users get).
    /// - otherwise, at `.mono` only attributes are written (SGR 1, 2, 4, 7); deeper, colours as well.
    ///
    /// Rows are separated and ended by `\n`; continuation cells of wide characters are skipped.
    public static func render(_ buffer: CellBuffer, theme: Theme, depth: ColorDepth, plain: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(buffer.width * buffer.height + buffer.height)
        if plain {
            for y in 0..<buffer.height {
                var line = buffer.text(row: y)
                while line.last == " " { line.removeLast() }
                out += line
                out += "\n"
            }
            return out
        }
        let styles = StyleRole.allCases.map { theme.resolve($0, depth: depth) }
        let plainStyle = ResolvedStyle()
        for y in 0..<buffer.height {
            var current = plainStyle
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                let style = styles[Int(cell.role.rawValue)]
                if style != current {
                    out += sgr(style)
                    current = style
                }
                out.append(cell.character)
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    /// One sequence that resets and then sets everything, so no earlier attribute has to be switched off.
    static func sgr(_ style: ResolvedStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let fg = style.foreground { codes.append(colorCode(fg, base: 30, brightBase: 90, extended: 38)) }
        if let bg = style.background { codes.append(colorCode(bg, base: 40, brightBase: 100, extended: 48)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCode(_ index: Int, base: Int, brightBase: Int, extended: Int) -> String {
        switch index {
        case 0..<8: String(base + index)
        case 8..<16: String(brightBase + index - 8)
        default: "\(extended);5;\(index)"
        }
    }
}

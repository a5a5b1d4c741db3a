/// The text form of a frame that screen tests record and compare: what a user would read, then which role
/// every cell has, then (for mono) which attributes every cell gets, so a diff shows what changed and where.
///
/// ```
/// Cohorts  3
/// --- roles
/// hhhhhhhhhh
/// --- mono
/// RRRRRRRRRR
/// ```
public enum TextSnapshot {
    /// - characters: each row right-trimmed, continuation cells skipped.
    /// - `--- roles`: one `StyleRole.letter` per cell, full width; a continuation cell repeats its lead's.
    /// - `--- mono` (only when `depth` is `.mono`): one letter per cell for the attributes `theme` (the default
    ///   theme when nil) resolves to: R reverse, U underline, B bold, D dim, by that precedence, `.` for none.
    public static func make(_ buffer: CellBuffer, theme: Theme?, depth: ColorDepth) -> String {
        var out = ""
        for var line in buffer.lines {
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        out += "--- roles\n"
        out += layer(buffer) { $0.letter }
        if depth == .mono {
            let theme = theme ?? .default
            let letters = StyleRole.allCases.map { monoLetter(theme.resolve($0, depth: .mono).attributes) }
            out += "--- mono\n"
            out += layer(buffer) { letters[Int($0.rawValue)] }
        }
        return out
    }

    static func monoLetter(_ attributes: TextAttributes) -> Character {
        if attributes.contains(.reverse) { return "R" }
        if attributes.contains(.underline) { return "U" }
        if attributes.contains(.bold) { return "B" }
        if attributes.contains(.dim) { return "D" }
        return "."
    }

    private static func layer(_ buffer: CellBuffer, letter: (StyleRole) -> Character) -> String {
        var out = ""
        for y in 0..<buffer.height {
            var lead = StyleRole.normal
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !cell.isContinuation { lead = cell.role }
                out.append(letter(lead))
            }
            out += "\n"
        }
        return out
    }
}

import CutoverTerminal

/// Figures five rows tall, for a screen read from across the room.
enum BigText {
    static let height = 5

    private static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        "%": ["# #", "  #", " # ", "#  ", "# #"], "-": ["   ", "   ", "###", "   ", "   "],
    ]

    /// Columns `text` takes: three per character and one between.
    static func width(_ text: String) -> Int { max(0, text.count * 4 - 1) }

    /// Draws `text` (digits, `%`, `-`) with its top-left at (`x`, `y`).
    static func draw(_ text: String, x: Int, y: Int, role: StyleRole, glyphs: Glyphs, _ buffer: inout CellBuffer) {
        for (index, character) in text.enumerated() {
            guard let rows = font[character] else { continue }
            for (row, pattern) in rows.enumerated() {
                for (column, bit) in pattern.enumerated() where bit == "#" {
                    buffer.put(String(glyphs.barFull), x: x + index * 4 + column, y: y + row, role: role, maxWidth: 1)
                }
            }
        }
    }
}

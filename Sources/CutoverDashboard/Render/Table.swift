import CutoverTerminal

/// One column of a table: its title, the width it needs, and how soon it goes when the screen is narrow.
struct Column {
    enum Alignment { case left, right }

    var title: String
    var width: Int
    var alignment: Alignment = .left
    /// Flexible columns share the room left over.
    var flexible = false
    /// Higher stays longer; columns are dropped lowest first until the rest fit.
    var priority = 5

    static func left(_ title: String, _ width: Int, flexible: Bool = false, priority: Int = 5) -> Column {
        Column(title: title, width: width, alignment: .left, flexible: flexible, priority: priority)
    }

    static func right(_ title: String, _ width: Int, priority: Int = 5) -> Column {
        Column(title: title, width: width, alignment: .right, flexible: false, priority: priority)
    }
}

/// A cell's text in one or more styled pieces (a gate column is four glyphs in four colours).
struct TableCell {
    var segments: [(text: String, role: StyleRole)]

    init(_ text: String, _ role: StyleRole = .normal) { segments = [(ScreenText.sanitize(text), role)] }
    init(segments: [(text: String, role: StyleRole)]) { self.segments = segments }

    var width: Int { segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

/// Draws a column header and a window of rows with the cursor's row highlighted.
struct Table {
    var columns: [Column]
    var rows: [[TableCell]]
    var cursor: Int?
    var scroll: Int
    var sortedColumn: String?

    /// The columns that fit `width`, in their original order, with leftover room given to flexible ones.
    static func fit(_ columns: [Column], width: Int) -> [(index: Int, width: Int)] {
        var kept = Set(columns.indices)
        func needed() -> Int { kept.reduce(0) { $0 + columns[$1].width } + max(0, kept.count - 1) }
        while needed() > width, kept.count > 1 {
            let drop = kept.min { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }!
            kept.remove(drop)
        }
        var widths = Dictionary(uniqueKeysWithValues: kept.map { ($0, columns[$0].width) })
        var spare = width - needed()
        let flexible = kept.filter { columns[$0].flexible }.sorted()
        if spare > 0 && !flexible.isEmpty {
            let share = spare / flexible.count
            for index in flexible { widths[index]! += share }
            spare -= share * flexible.count
            widths[flexible.last!]! += spare
        } else if spare < 0, let widest = kept.max(by: { widths[$0]! < widths[$1]! }) {
            widths[widest] = max(1, widths[widest]! + spare)
        }
        return kept.sorted().map { ($0, widths[$0]!) }
    }

    func draw(into buffer: inout CellBuffer, top: Int, height: Int, glyphs: Glyphs) {
        let layout = Table.fit(columns, width: buffer.width - 1)
        var x = 1
        for (index, width) in layout {
            var title = columns[index].title
            if let sortedColumn, sortedColumn == title.lowercased(), DisplayWidth.of(title) + 1 < width {
                title += " " + glyphs.sortDown
            }
            draw(
                TableCell(title, .muted), at: x, y: top, width: width, alignment: columns[index].alignment,
                ellipsis: glyphs.ellipsis, &buffer)
            x += width + 1
        }
        guard height > 1 else { return }
        for (offset, row) in rows.dropFirst(scroll).prefix(height - 1).enumerated() {
            let y = top + 1 + offset
            x = 1
            for (index, width) in layout where index < row.count {
                draw(
                    row[index], at: x, y: y, width: width, alignment: columns[index].alignment,
                    ellipsis: glyphs.ellipsis, &buffer)
                x += width + 1
            }
            if scroll + offset == cursor {
                buffer.put(glyphs.selected, x: 0, y: y, role: .selected, maxWidth: 1)
                buffer.paint(y: y, role: .selected)
            }
        }
    }

    private func draw(
        _ cell: TableCell, at x: Int, y: Int, width: Int, alignment: Column.Alignment, ellipsis: String,
        _ buffer: inout CellBuffer
    ) {
        if cell.width > width, cell.segments.count == 1 {
            let (text, role) = cell.segments[0]
            buffer.put(Truncate.toWidth(text, width, ellipsis: ellipsis), x: x, y: y, role: role, maxWidth: width)
            return
        }
        var column = alignment == .right ? x + max(0, width - cell.width) : x
        for segment in cell.segments {
            let room = x + width - column
            guard room > 0 else { break }
            column += buffer.put(segment.text, x: column, y: y, role: segment.role, maxWidth: room)
        }
    }
}

/// Shortens text to a number of columns, marking the cut.
enum Truncate {
    static func toWidth(_ text: String, _ width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(text.prefix(max(0, width))) }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }
}

import CutoverTerminal

/// Boxes drawn over the page: the `?` help generated from the command table, and confirmation dialogs.
enum Overlays {
    /// Every command of the mode, grouped; in two columns when one does not fit the screen.
    static func help(_ state: AppState, _ buffer: inout CellBuffer) {
        let commands = CommandTable.commands(for: state.mode)
        var blocks: [[Line]] = []
        for group in HelpGroup.allCases {
            let inGroup = commands.filter { $0.group == group }
            guard !inGroup.isEmpty else { continue }
            var block: [Line] = [[(group.rawValue, .accent)]]
            for command in inGroup {
                let key = command.label.padding(to: 7)
                if command.mutates, let refusal = state.mode.refusal {
                    block.append([("  \(key)\(command.title) (\(refusal))", .disabled)])
                } else if command.applies(to: state.page) {
                    block.append([("  \(key)\(command.title)", .normal)])
                } else {
                    block.append([("  \(key)\(command.title)", .muted)])
                }
            }
            blocks.append(block)
        }
        let single = blocks.enumerated().flatMap { index, block in index == 0 ? block : [[("", .normal)]] + block }
        guard single.count > buffer.height - 6 else {
            box(title: "Keys", lines: single, footer: "Esc or ? closes · dimmed keys work on other pages", state: state, &buffer)
            return
        }
        // Two columns: the navigation block on the left, the rest on the right.
        let left = blocks[0]
        let right = blocks.dropFirst().enumerated().flatMap { index, block in index == 0 ? block : [[("", .normal)]] + block }
        let leftWidth = (left.map(width).max() ?? 0) + 2
        let lines = (0..<max(left.count, right.count)).map { row -> Line in
            var line: Line = []
            if row < left.count { line += left[row] }
            let used = row < left.count ? width(left[row]) : 0
            line.append((String(repeating: " ", count: leftWidth - used), .normal))
            if row < right.count { line += right[row] }
            return line
        }
        box(title: "Keys", lines: lines, footer: "Esc or ? closes · dimmed keys work on other pages", state: state, &buffer)
    }

    static func dialog(_ dialog: Dialog, _ state: AppState, _ buffer: inout CellBuffer) {
        var lines: [(String, StyleRole)] = dialog.lines.map { ($0, .normal) }
        if !dialog.choices.isEmpty {
            let choices = dialog.choices.enumerated().map { index, choice in
                (index == dialog.choice ? "[x] " : "[ ] ") + (choice == .acknowledged ? "acknowledge" : choice.rawValue)
            }
            lines.append(("", .normal))
            lines.append((choices.joined(separator: "   "), .accent))
        }
        for (index, field) in dialog.fields.enumerated() {
            lines.append(("", .normal))
            let cursor = index == dialog.focus ? "_" : ""
            lines.append(("\(field.label): \(field.text)\(cursor)", index == dialog.focus ? .accent : .normal))
        }
        if let error = dialog.error {
            lines.append(("", .normal))
            lines.append((error, .critical))
        }
        let footer = dialog.isYesNo ? "y confirm · n or Esc cancel" : "Enter next/confirm · Tab switch · Esc cancel"
        box(title: dialog.title, lines: lines, footer: footer, state: state, &buffer)
    }

    /// A centred box sized to its content and the screen; lines that do not fit are cut with a marker.
    private static func box(
        title: String, lines: [(String, StyleRole)], footer: String, state: AppState, _ buffer: inout CellBuffer
    ) {
        box(title: title, lines: lines.map { [$0] }, footer: footer, state: state, &buffer)
    }

    typealias Line = [(String, StyleRole)]

    static func width(_ line: Line) -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.0) } }

    private static func box(title: String, lines: [Line], footer: String, state: AppState, _ buffer: inout CellBuffer) {
        let g = state.glyphs
        let contentWidth = max(DisplayWidth.of(title) + 4, DisplayWidth.of(footer), lines.map(width).max() ?? 0)
        let width = min(buffer.width - 2, contentWidth + 4)
        let height = min(buffer.height - 2, lines.count + 4)
        guard width >= 10, height >= 4 else { return }
        let left = (buffer.width - width) / 2
        let top = max(1, (buffer.height - height) / 2)
        buffer.clear(x: left, y: top, width: width, height: height)
        let inner = String(repeating: g.horizontal, count: width - 2)
        buffer.put("\(g.topLeft)\(inner)\(g.topRight)", x: left, y: top, role: .accent)
        buffer.put(" \(title) ", x: left + 2, y: top, role: .accent, maxWidth: width - 4)
        buffer.put("\(g.bottomLeft)\(inner)\(g.bottomRight)", x: left, y: top + height - 1, role: .accent)
        for row in (top + 1)..<(top + height - 1) {
            buffer.put(String(g.vertical), x: left, y: row, role: .accent)
            buffer.put(String(g.vertical), x: left + width - 1, y: row, role: .accent)
        }
        let room = height - 4
        for (i, line) in lines.prefix(room).enumerated() {
            if i == room - 1 && lines.count > room {
                buffer.put(g.ellipsis, x: left + 2, y: top + 1 + i, role: .muted)
                break
            }
            var x = left + 2
            for (text, role) in line {
                let room = left + width - 2 - x
                guard room > 0 else { break }
                x += buffer.put(text, x: x, y: top + 1 + i, role: role, maxWidth: room)
            }
        }
        buffer.put(footer, x: left + 2, y: top + height - 2, role: .muted, maxWidth: width - 4)
    }
}

extension String {
    func padding(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}

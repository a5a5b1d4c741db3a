import CutoverTerminal

/// What the wallboard draws instead of the interactive chrome: the rotation instead of tabs, a loud banner
/// when polling stopped, and a footer without key hints.
enum Wallboard {
    static func rotation(_ state: AppState, _ buffer: inout CellBuffer) {
        guard let rotation = state.rotation else { return }
        let y = Layout.tabsRow
        var x = 0
        for page in rotation.pages {
            x += buffer.put(" \(page.title) ", x: x, y: y, role: page == state.page ? .selected : .muted)
        }
        let left = max(0, Int((rotation.seconds - (state.now - rotation.shownSince)).rounded(.up)))
        buffer.putRight("next in \(left) s ", right: buffer.width, y: y, role: .muted)
    }

    /// Two intervals without a poll: the top of the screen says so, in the loudest role there is.
    static func staleBanner(_ state: AppState, _ buffer: inout CellBuffer) {
        guard state.header.isStale(now: state.now) else { return }
        let age = state.header.lastPoll.map { "LAST POLL \(Format.age(state.now - $0).uppercased())" } ?? "NEVER POLLED"
        let lines = ["", age, "FIGURES MAY BE OUT OF DATE"]
        for (offset, line) in lines.enumerated() where offset + 1 < buffer.height {
            buffer.clear(y: 1 + offset, role: .critical)
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: 1 + offset, role: .critical)
        }
    }

    static func footer(_ state: AppState, _ buffer: inout CellBuffer) {
        let y = Layout.footerRow(state.size)
        buffer.clear(y: y, role: .muted)
        buffer.put(" wallboard \(state.glyphs.separator) read-only \(state.glyphs.separator) patient data never shown", x: 0, y: y, role: .muted)
        buffer.putRight("Ctrl-C quits ", right: buffer.width, y: y, role: .muted)
    }
}

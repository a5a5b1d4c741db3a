import CutoverTerminal

/// The parts around every page: header, tab bar, flash line and footer.
enum Chrome {
    /// `cutover · migration · datastore (region)   polled 12 s ago · READ-ONLY · alice@jump1`
    static func header(_ state: AppState, _ buffer: inout CellBuffer) {
        let y = Layout.headerRow
        buffer.clear(y: y, role: .header)
        let h = state.header
        var right: [(String, StyleRole)] = []
        if let error = h.pollError {
            right.append(("poll failed: \(error)", .critical))
        } else if let last = h.lastPoll {
            let age = "polled \(Format.age(state.now - last))"
            if h.isStale(now: state.now) {
                // Late polls with nobody holding the poller lease mean polling has stopped, not slowed.
                right.append(("STALE " + age + (h.poller == nil ? ", no poller running" : ""), .stale))
            } else if h.pollRetries > 0 {
                right.append((age + " after \(h.pollRetries) \(h.pollRetries == 1 ? "retry" : "retries")", .careful))
            } else {
                right.append((age, .header))
            }
        } else {
            right.append(("never polled", .stale))
        }
        if let badge = state.mode.badge { right.append((badge, .accent)) }
        right.append(("\(h.actor)@\(h.host)", .header))
        // The least important piece goes first when the line is too narrow for all of them.
        let separator = " \(state.glyphs.separator) "
        let name = " cutover\(separator)\(h.migration)"
        func width(_ pieces: [(String, StyleRole)]) -> Int {
            pieces.reduce(0) { $0 + DisplayWidth.of($1.0) } + DisplayWidth.of(separator) * (pieces.count - 1) + 1
        }
        while right.count > 1 && width(right) + DisplayWidth.of(name) + 2 > buffer.width { right.removeLast() }
        var edge = buffer.width - 1
        for (i, piece) in right.reversed().enumerated() {
            if i > 0 { edge = buffer.putRight(separator, right: edge, y: y, role: .header) }
            edge = buffer.putRight(piece.0, right: edge, y: y, role: piece.1)
        }
        let used = buffer.put(name, x: 0, y: y, role: .header, maxWidth: edge - 1)
        if !h.datastores.isEmpty {
            let store = "\(separator)\(h.datastores.joined(separator: ", "))" + (h.region.map { " (\($0))" } ?? "")
            if used + DisplayWidth.of(store) < edge - 1 { buffer.put(store, x: used, y: y, role: .header) }
        }
    }

    /// `1 Cohorts  2 Jobs  …`, the current page marked; on narrow screens only numbers and the current title.
    static func tabs(_ state: AppState, _ buffer: inout CellBuffer) {
        let y = Layout.tabsRow
        let full = Page.tabs.map { " \($0.rawValue) \($0.title) " }
        let wide = full.reduce(0) { $0 + DisplayWidth.of($1) } <= buffer.width
        var x = 0
        for page in Page.tabs {
            let label = wide || page == state.page ? " \(page.rawValue) \(page.title) " : " \(page.rawValue) "
            x += buffer.put(label, x: x, y: y, role: page == state.page ? .selected : .muted)
        }
    }

    /// The line above the footer: the filter being typed, a flash, a warning, or a load error.
    static func flash(_ state: AppState, _ buffer: inout CellBuffer) {
        let y = Layout.flashRow(state.size)
        if let input = state.filterInput {
            let x = buffer.put(" " + input.prompt, x: 0, y: y, role: .accent)
            buffer.put(input.text + "_", x: x, y: y, role: .normal)
        } else if let flash = state.flash {
            buffer.put(" " + flash.text, x: 0, y: y, role: flash.role)
        } else if let error = state.view.loadError {
            buffer.put(" cannot load this page: \(error)", x: 0, y: y, role: .critical)
        } else if let notice = state.header.notice {
            buffer.put(" " + notice, x: 0, y: y, role: .careful)
        } else if let error = state.header.pollError {
            // The header has room for the fact; this line has room for the sentence (what to fix).
            buffer.put(" polling stopped: \(error); the figures shown are from the last good poll", x: 0, y: y, role: .critical)
        } else if let warning = state.warning {
            buffer.put(" " + warning, x: 0, y: y, role: .careful)
        } else if state.header.quarantined > 0 {
            let lines = state.header.quarantined == 1 ? "1 input line" : "\(Format.count(state.header.quarantined)) input lines"
            buffer.put(" \(lines) quarantined (cutover status shows where)", x: 0, y: y, role: .careful)
        }
    }

    /// Key hints from the command table: the page's actions (dimmed when read-only), then help and quit.
    static func footer(_ state: AppState, _ buffer: inout CellBuffer) {
        let y = Layout.footerRow(state.size)
        buffer.clear(y: y, role: .muted)
        let commands = CommandTable.commands(for: state.mode).filter { $0.footer && $0.applies(to: state.page) }
        let tail = commands.filter { $0.group == .general }
        let body = commands.filter { $0.group != .general }
        func hint(_ c: Command) -> String { "\(c.label) \(shortTitle(c))" }
        let tailText = tail.map(hint).joined(separator: "  ")
        let room = buffer.width - DisplayWidth.of(tailText) - 2
        var x = 1
        for command in body {
            let text = hint(command)
            guard x + DisplayWidth.of(text) <= room else { break }
            let role: StyleRole = command.mutates && state.mode.refusal != nil ? .disabled : .muted
            x += buffer.put(text, x: x, y: y, role: role) + 2
        }
        buffer.putRight(tailText, right: buffer.width - 1, y: y, role: .muted)
    }

    /// Footer titles are one word where the help has a sentence.
    static func shortTitle(_ command: Command) -> String {
        switch command.id {
        case .open: "open"
        case .filter: "filter"
        case .sort: "sort"
        case .hold: "hold"
        case .release: "release"
        case .retry: "retry"
        case .approve: "approve"
        case .triage: "ack/waive"
        case .acknowledgeGroup: "ack code"
        case .export: "export"
        case .revealPHI: "reveal PHI"
        case .help: "help"
        case .quit: "quit"
        default: command.title.lowercased()
        }
    }
}

import CutoverTerminal

/// `render(state)`: the whole frame, every time, into a fresh buffer; the backend writes only what changed.
public enum Screen {
    public static func render(_ state: AppState) -> CellBuffer {
        var buffer = CellBuffer(size: state.size, asciiOnly: state.glyphs == .ascii)
        guard state.size.columns >= Layout.minimum.columns, state.size.rows >= Layout.minimum.rows else {
            tooSmall(state, &buffer)
            return buffer
        }
        Chrome.header(state, &buffer)
        if state.mode == .wallboard {
            Wallboard.rotation(state, &buffer)
            page(state, &buffer)
            Chrome.flash(state, &buffer)
            Wallboard.footer(state, &buffer)
            Wallboard.staleBanner(state, &buffer)
            return buffer
        }
        Chrome.tabs(state, &buffer)
        page(state, &buffer)
        Chrome.flash(state, &buffer)
        Chrome.footer(state, &buffer)
        if let dialog = state.dialog {
            Overlays.dialog(dialog, state, &buffer)
        } else if state.showHelp {
            Overlays.help(state, &buffer)
        }
        return buffer
    }

    private static func page(_ state: AppState, _ buffer: inout CellBuffer) {
        switch state.page {
        case .summary: SummaryPage.draw(state, &buffer)
        case .cohorts: CohortsPage.draw(state, &buffer)
        case .jobs: JobsPage.draw(state, &buffer)
        case .nonPrimary: NonPrimaryPage.draw(state, &buffer)
        case .warnings: WarningsPage.draw(state, &buffer)
        case .gates: GatesPage.draw(state, &buffer)
        case .events: EventsPage.draw(state, &buffer)
        case .audit: AuditPage.draw(state, &buffer)
        }
    }

    private static func tooSmall(_ state: AppState, _ buffer: inout CellBuffer) {
        let need = "\(Layout.minimum.columns)x\(Layout.minimum.rows)"
        buffer.put("cutover needs at least \(need);", x: 0, y: 0, role: .careful)
        buffer.put("this is \(state.size.columns)x\(state.size.rows). q quits.", x: 0, y: 1, role: .careful)
    }
}

/// What every list page shares: the info line, an empty or loading notice, and the table.
struct ListPage {
    var info: String
    var infoRole: StyleRole = .normal
    var columns: [Column]
    var rows: [[TableCell]]
    var empty: String

    func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        let view = state.view
        var info = self.info
        if !view.filter.isEmpty { info += "  \(state.glyphs.separator)  filter: \(view.filter)" }
        buffer.put(" " + info, x: 0, y: Layout.pageInfoRow, role: infoRole)
        let drilled = view.drill != nil
        let loaded = (drilled ? view.drillContent : view.content) != nil
        let keys = state.page.sortKeys
        let table = Table(
            columns: columns, rows: rows, cursor: drilled ? view.drillCursor : view.cursor,
            scroll: drilled ? view.drillScroll : view.scroll,
            sortedColumn: drilled || keys.count < 2 ? nil : keys[view.sortIndex % keys.count])
        let height = Layout.flashRow(state.size) - Layout.tableHeaderRow
        table.draw(into: &buffer, top: Layout.tableHeaderRow, height: height, glyphs: state.glyphs)
        if rows.isEmpty {
            let notice = loaded ? empty : "loading…"
            buffer.put(" " + notice, x: 0, y: Layout.firstListRow, role: .muted)
        }
    }
}

import CutoverStore
import CutoverTerminal

/// Page 7: the decision log, newest first, with the state of its hash chain.
enum AuditPage {
    static let columns: [Column] = [
        .right("Seq", 5, priority: 7),
        .left("Time", 16, priority: 9),
        .left("Actor", 14, priority: 8),
        .left("Action", 14, priority: 10),
        .left("Cohort", 14, priority: 6),
        .left("Detail", 20, flexible: true, priority: 5),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        guard case .audit(let slice, let chain)? = state.view.content else {
            ListPage(info: "audit log", columns: columns, rows: [], empty: "").draw(state, &buffer)
            return
        }
        var info = "\(Format.count(slice.total)) audit rows"
        var role = StyleRole.normal
        switch chain {
        case .intact?:
            info += " \(state.glyphs.separator) chain intact \(state.glyphs.pass)"
            role = .ok
        case .broken(let seq, let reason)?:
            info += " \(state.glyphs.separator) CHAIN BROKEN at row \(seq): \(reason)"
            role = .critical
        case nil:
            info += " \(state.glyphs.separator) chain not checked"
        }
        ListPage(
            info: info, infoRole: role, columns: columns, rows: slice.rows.map(cells),
            empty: "no decisions recorded yet"
        ).draw(state, &buffer)
    }

    static func cells(_ entry: AuditEntry) -> [TableCell] {
        [
            TableCell(String(entry.seq), .muted),
            TableCell(Format.minute(entry.at)),
            TableCell(entry.actor),
            TableCell(entry.action, entry.action.hasPrefix("approve") ? .accent : .normal),
            TableCell(entry.cohort ?? "-"),
            TableCell(entry.detail, .muted),
        ]
    }
}

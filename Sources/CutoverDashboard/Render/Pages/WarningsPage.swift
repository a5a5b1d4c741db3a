import CutoverCore
import CutoverStore
import CutoverTerminal

/// Page 4: warnings grouped by code with the reference's name and effect; Enter lists the instances.
enum WarningsPage {
    static let columns: [Column] = [
        .right("Code", 6, priority: 10),
        .left("Name", 26, flexible: true, priority: 10),
        .right("Count", 8, priority: 9),
        .right("Studies", 8, priority: 6),
        .left("Effect", 24, flexible: true, priority: 4),
        .right("Open", 6, priority: 8),
        .right("Acked", 6, priority: 7),
    ]

    static let instanceColumns: [Column] = [
        .left("Key", 24, flexible: true, priority: 10),
        .left("Study", 20, flexible: true, priority: 4),
        .left("State", 12, priority: 9),
        .left("Message", 24, flexible: true, priority: 6),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        if case .warningCode(let code)? = state.view.drill {
            drawInstances(code, state, &buffer)
            return
        }
        var groups: [WarningGroupRow] = []
        if case .warnings(let loaded)? = state.view.content { groups = loaded }
        let total = groups.reduce(Int64(0)) { $0 + $1.instances }
        let open = groups.reduce(Int64(0)) { $0 + $1.open }
        ListPage(
            info: "\(groups.count) warning codes \(state.glyphs.separator) \(Format.count(total)) instances "
                + "\(state.glyphs.separator) \(Format.count(open)) open",
            infoRole: open > 0 ? .warning : .normal,
            columns: columns, rows: groups.map(cells),
            empty: state.view.filter.isEmpty ? "no import warnings" : "no warning code matches the filter"
        ).draw(state, &buffer)
    }

    static func cells(_ group: WarningGroupRow) -> [TableCell] {
        let warning = WarningCode.lookup(group.code)?.warning
        let blocks = warning?.blocksParity ?? false
        return [
            TableCell(String(group.code)),
            TableCell(WarningCode.label(group.code), blocks ? .critical : .warning),
            TableCell(Format.count(group.instances)),
            TableCell(Format.count(group.studies)),
            TableCell(warning?.effect ?? "unknown code", blocks ? .critical : .muted),
            TableCell(Format.count(group.open), group.open > 0 ? .warning : .muted),
            TableCell(Format.count(group.acknowledged), .muted),
        ]
    }

    private static func drawInstances(_ code: Int, _ state: AppState, _ buffer: inout CellBuffer) {
        var rows: [[TableCell]] = []
        var info = "\(code) \(WarningCode.label(code))"
        if case .warningInstances(_, let slice)? = state.view.drillContent {
            info += " \(state.glyphs.separator) \(Format.count(slice.total)) instances"
            if slice.total > slice.rows.count { info += " (showing \(slice.rows.count))" }
            rows = slice.rows.map { row in
                [
                    TableCell(row.key),
                    TableCell(row.studyInstanceUID ?? "-", row.studyInstanceUID == nil ? .muted : .normal),
                    FindingCell.state(row.state),
                    TableCell(row.message ?? "", .muted),
                ]
            }
        }
        ListPage(info: info, columns: instanceColumns, rows: rows, empty: "no instances with this code")
            .draw(state, &buffer)
    }
}

import CutoverCore
import CutoverTerminal

/// Page 1: one row per cohort with its state, progress, open findings and four gate glyphs.
enum CohortsPage {
    static let columns: [Column] = [
        .left("Cohort", 14, flexible: true, priority: 10),
        .left("State", 10, priority: 9),
        .left("Progress", 15, priority: 8),
        .right("Imported", 19, priority: 4),
        .right("Fail", 6, priority: 7),
        .right("Warn", 6, priority: 6),
        .right("NonP", 5, priority: 5),
        .left("H P R O", 7, priority: 9),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        var rows: [CohortRow] = []
        if case .cohorts(let loaded)? = state.view.content { rows = loaded }
        let ready = rows.filter { GateResult.allPass($0.gates) }.count
        let held = rows.filter(\.held).count
        let info = "\(rows.count) cohorts \(state.glyphs.separator) \(ready) with all gates passing"
            + (held > 0 ? " \(state.glyphs.separator) \(held) held" : "")
            + (state.size.columns >= 100 ? "   gates: H hierarchy  P parity  R review  O obligations" : "")
        ListPage(
            info: info, columns: columns, rows: rows.map { cells($0, state.glyphs) },
            empty: "no cohorts yet: define one with `cutover cohort define` or in cutover.toml"
        ).draw(state, &buffer)
    }

    static func cells(_ row: CohortRow, _ g: Glyphs) -> [TableCell] {
        let stateCell: TableCell =
            row.held
            ? TableCell(segments: [("\(g.held) held", .critical)])
            : TableCell(row.state.rawValue, stateRole(row.state))
        return [
            TableCell(row.name),
            stateCell,
            progress(row, g),
            TableCell("\(Format.count(row.importedInstances))/\(Format.count(row.expectedInstances))"),
            TableCell(Format.count(row.failures), row.failures > 0 ? .critical : .muted),
            TableCell(Format.count(row.warnings), row.warnings > 0 ? .warning : .muted),
            TableCell(Format.count(row.nonPrimary), row.nonPrimary > 0 ? .careful : .muted),
            gates(row, g),
        ]
    }

    static func stateRole(_ state: CohortState) -> StyleRole {
        switch state {
        case .planned: .muted
        case .importing, .validating: .accent
        case .ready, .approved: .ok
        case .rolledBack: .warning
        }
    }

    /// `████████░░ 83%`, or `no inventory` while nothing is expected.
    static func progress(_ row: CohortRow, _ g: Glyphs) -> TableCell {
        guard let fraction = row.progress else { return TableCell("no inventory", .muted) }
        let width = 10
        let full = Int((fraction * Double(width)).rounded(.down))
        return TableCell(segments: [
            (String(repeating: g.barFull, count: full), fraction >= 1 ? .ok : .accent),
            (String(repeating: g.barEmpty, count: width - full), .muted),
            (" " + Format.percent(fraction), .normal),
        ])
    }

    /// Four glyphs in gate order, each in its status colour: `✓ ✗ … ✓`.
    static func gates(_ row: CohortRow, _ g: Glyphs) -> TableCell {
        TableCell(
            segments: GateName.allCases.enumerated().map { index, name in
                let status = row.gate(name)
                return ((index == 0 ? "" : " ") + GateGlyph.glyph(status, g), GatesPage.role(status))
            })
    }
}

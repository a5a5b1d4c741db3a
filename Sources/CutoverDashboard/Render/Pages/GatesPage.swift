import CutoverCore
import CutoverTerminal

/// Page 5: one cohort's four gates with status, reasons and counts, and its attestations.
enum GatesPage {
    static func role(_ status: GateStatus) -> StyleRole {
        switch status {
        case .pass: .ok
        case .hold: .critical
        case .pending: .careful
        }
    }

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        let g = state.glyphs
        guard case .gates(let loaded)? = state.view.content else {
            buffer.put(" loading…", x: 0, y: Layout.pageInfoRow, role: .muted)
            return
        }
        guard let view = loaded else {
            buffer.put(" no cohorts yet: define one with `cutover cohort define`", x: 0, y: Layout.pageInfoRow, role: .muted)
            return
        }
        let cohort = view.cohort
        var info = "cohort \(cohort.name) \(g.separator) \(cohort.state.rawValue) \(g.separator) revision \(cohort.revision)"
        if let position = cohortPosition(state) { info += " \(g.separator) [ ] other cohorts (\(position))" }
        buffer.put(" " + info, x: 0, y: Layout.pageInfoRow, role: .accent)
        var y = Layout.tableHeaderRow
        let bottom = Layout.flashRow(state.size)
        var notes: [(String, StyleRole)] = []
        if cohort.held { notes.append(("\(g.held) HELD: \(cohort.holdReason ?? "no reason recorded")", .critical)) }
        if let first = cohort.pendingApprovalBy {
            notes.append(("approval pending: \(first) approved; a different person must confirm", .careful))
        }
        for (text, role) in notes where y < bottom {
            buffer.put(" " + text, x: 0, y: y, role: role)
            y += 1
        }
        for (index, gate) in cohort.gates.enumerated() where y < bottom {
            let title = " \(GateGlyph.glyph(gate.status, g)) \(gate.name.rawValue.padding(to: 12))\(gate.status.rawValue.uppercased())"
            buffer.put(title, x: 1, y: y, role: role(gate.status))
            if index == state.view.cursor {
                buffer.put(g.selected, x: 0, y: y, role: .selected, maxWidth: 1)
                buffer.paint(y: y, role: .selected)
            }
            let counts = gate.counts.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.count($0.value))" }
            if !counts.isEmpty {
                let x = 1 + DisplayWidth.of(title) + 3
                if x < buffer.width - 10 { buffer.put(counts.joined(separator: "  "), x: x, y: y, role: .muted) }
            }
            y += 1
            let room = max(1, (bottom - y) - (cohort.gates.count - index - 1))
            let reasons = gate.reasons.isEmpty ? [gate.status == .pass ? "nothing blocks this gate" : "no detail"] : gate.reasons
            let shown = reasons.count > room ? Array(reasons.prefix(room - 1)) : reasons
            for reason in shown where y < bottom {
                buffer.put(reason, x: 6, y: y, role: gate.status == .pass ? .muted : .normal)
                y += 1
            }
            if shown.count < reasons.count && y < bottom {
                buffer.put("\(g.ellipsis) \(reasons.count - shown.count) more: cutover gates \(cohort.name)", x: 6, y: y, role: .muted)
                y += 1
            }
        }
        if !view.attested.isEmpty && y < bottom {
            let items = view.attested.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            buffer.put(" attested: " + items.joined(separator: ", "), x: 0, y: y, role: .ok)
        }
    }

    private static func cohortPosition(_ state: AppState) -> String? {
        guard case .cohorts(let rows)? = state.views[.cohorts]?.content, rows.count > 1,
            let index = rows.firstIndex(where: { $0.name == state.gatesCohort })
        else { return nil }
        return "\(index + 1)/\(rows.count)"
    }
}

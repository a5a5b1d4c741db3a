import CutoverCore
import CutoverTerminal

/// The wallboard's overview: percent imported in large type, jobs and the last poll, every cohort's gates in
/// words, and open findings by kind. Nothing on it identifies a patient.
enum SummaryPage {
    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        guard case .summary(let summary)? = state.view.content else {
            buffer.put(" loading…", x: 0, y: Layout.pageInfoRow, role: .muted)
            return
        }
        let g = state.glyphs
        let top = Layout.pageInfoRow + 1
        let expected = summary.expectedInstances
        let fraction = expected > 0 ? Double(summary.importedInstances) / Double(expected) : 0
        let percent = expected > 0 ? Format.percent(fraction) : "-"
        BigText.draw(percent, x: 2, y: top, role: fraction >= 1 ? .ok : .accent, glyphs: g, &buffer)
        let x = 2 + BigText.width("100%") + 4
        var facts: [(String, StyleRole)] = [
            ("imported", .muted),
            ("\(Format.count(summary.importedInstances)) of \(Format.count(expected)) instances", .normal),
            ("jobs running \(Format.count(summary.jobsRunning))", summary.jobsRunning > 0 ? .accent : .normal),
            ("jobs failed \(Format.count(summary.jobsFailed))", summary.jobsFailed > 0 ? .critical : .normal),
        ]
        if let last = state.header.lastPoll {
            facts.append(("last poll \(Format.age(state.now - last))", state.header.isStale(now: state.now) ? .stale : .normal))
        } else {
            facts.append(("never polled", .stale))
        }
        for (row, fact) in facts.prefix(BigText.height).enumerated() {
            buffer.put(fact.0, x: x, y: top + row, role: fact.1)
        }

        var y = top + BigText.height + 1
        let bottom = Layout.flashRow(state.size)
        let nameWidth = min(24, max(8, summary.cohorts.map { DisplayWidth.of($0.name) }.max() ?? 8))
        // Four gate columns share what is left; narrow screens get short titles.
        let step = max(10, min(14, (buffer.width - (2 + nameWidth + 2 + 12)) / 4))
        let titles = GateName.allCases.map { step >= 13 ? $0.rawValue.uppercased() : String($0.rawValue.prefix(6)).uppercased() }
        if y < bottom {
            var column = 2 + nameWidth + 2
            buffer.put("COHORT", x: 2, y: y, role: .muted)
            buffer.put("STATE", x: column, y: y, role: .muted)
            column += 12
            for title in titles {
                buffer.put(title, x: column, y: y, role: .muted)
                column += step
            }
            y += 1
        }
        let findingsRow = bottom - 2
        for cohort in summary.cohorts where y < findingsRow {
            var column = 2 + nameWidth + 2
            buffer.put(cohort.name, x: 2, y: y, role: .normal, maxWidth: nameWidth)
            let stateText = cohort.held ? "\(g.held) HELD" : cohort.state.rawValue
            buffer.put(stateText, x: column, y: y, role: cohort.held ? .critical : CohortsPage.stateRole(cohort.state))
            column += 12
            for name in GateName.allCases {
                let status = cohort.gate(name)
                buffer.put(
                    "\(GateGlyph.glyph(status, g)) \(status.rawValue.uppercased())", x: column, y: y,
                    role: GatesPage.role(status), maxWidth: step - 1)
                column += step
            }
            y += 1
        }
        let open = summary.openFindings.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let text = open.isEmpty
            ? "no open findings"
            : "open findings: " + open.map { "\($0.key) \(Format.count($0.value))" }.joined(separator: "  ")
        buffer.put(text, x: 2, y: findingsRow, role: open.isEmpty ? .ok : .warning)
    }
}

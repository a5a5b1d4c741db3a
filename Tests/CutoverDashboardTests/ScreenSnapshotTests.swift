import CutoverTerminal
import Testing

@testable import CutoverDashboard

/// Every page at 80×24 and 120×40, in UTF-8 and ASCII, colour and mono, against recorded text.
@Suite struct ScreenSnapshotTests {
    struct Variant: CustomTestStringConvertible, Sendable {
        var page: Page
        var size: TerminalSize
        var ascii: Bool
        var mono: Bool

        var name: String {
            "\(page.slug)-\(size.columns)x\(size.rows)-\(ascii ? "ascii" : "utf8")-\(mono ? "mono" : "color")"
        }
        var testDescription: String { name }
    }

    static let variants: [Variant] = Page.tabs.flatMap { page in
        [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)].flatMap { size in
            [false, true].flatMap { ascii in [false, true].map { Variant(page: page, size: size, ascii: ascii, mono: $0) } }
        }
    }

    @Test(arguments: variants)
    func pageMatchesItsSnapshot(_ variant: Variant) {
        let state = DashboardFixture.state(page: variant.page, size: variant.size, ascii: variant.ascii)
        let buffer = Screen.render(state)
        if variant.ascii {
            #expect(buffer.cells.allSatisfy { $0.character.isASCII }, "non-ASCII cell in \(variant.name)")
        }
        SnapshotSupport.check(buffer, mono: variant.mono, named: variant.name)
    }

    @Test func imageSetDrillDownMasksPatientData() {
        var state = DashboardFixture.state(page: .nonPrimary, size: TerminalSize(columns: 80, rows: 24))
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .loaded(state.query, .imageSet(DashboardFixture.imageSet)))
        let buffer = Screen.render(state)
        #expect(!buffer.lines.joined().contains("DOE^JANE"))
        #expect(!buffer.lines.joined().contains("MRN0042117"))
        SnapshotSupport.check(buffer, mono: false, named: "non-primary-drill-80x24-utf8-color")
    }

    @Test func warningCodeDrillDown() {
        var state = DashboardFixture.state(page: .warnings, size: TerminalSize(columns: 80, rows: 24))
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .loaded(state.query, .warningInstances(code: 45312, DashboardFixture.warningInstances)))
        SnapshotSupport.check(Screen.render(state), mono: false, named: "warnings-drill-80x24-utf8-color")
    }

    @Test func helpOverlayIsGeneratedFromTheCommandTable() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 80, rows: 24), mode: .readOnly)
        _ = Reducer.reduce(&state, .key(.character("?")))
        let text = Screen.render(state).lines.joined(separator: "\n")
        for command in CommandTable.all {
            #expect(text.contains(command.title), "help lacks \(command.title)")
        }
        #expect(text.contains("read-only session"))
        SnapshotSupport.check(Screen.render(state), mono: true, named: "help-readonly-80x24-utf8-mono")
    }

    @Test func approveDialogShowsTheGateEvidence() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 80, rows: 24))
        state.view.cursor = 3
        _ = Reducer.reduce(&state, .key(.character("A")))
        SnapshotSupport.check(Screen.render(state), mono: false, named: "approve-dialog-80x24-utf8-color")
    }

    @Test func readOnlyFooterDimsActionKeysAndTheHeaderSaysSo() {
        let state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 120, rows: 40), mode: .readOnly)
        let buffer = Screen.render(state)
        #expect(buffer.text(row: 0).contains("READ-ONLY"))
        let footer = buffer.height - 1
        let hold = buffer.text(row: footer).range(of: "h hold")
        #expect(hold != nil)
        if let hold {
            let x = buffer.text(row: footer).distance(from: buffer.text(row: footer).startIndex, to: hold.lowerBound)
            #expect(buffer[x, footer].role == .disabled)
        }
    }

    @Test func staleDataIsFlaggedInTheHeader() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 120, rows: 40))
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 300))
        let header = Screen.render(state).text(row: 0)
        #expect(header.contains("STALE polled 5 min ago"))
    }

    @Test func aTinyTerminalGetsANoticeNotAClippedPage() {
        let state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 30, rows: 8))
        #expect(Screen.render(state).text(row: 0).hasPrefix("cutover needs at least 40x10"))
    }

    @Test func hostileStringsFromTheDataCannotReachTheTerminal() {
        var state = DashboardFixture.state(page: .jobs, size: TerminalSize(columns: 120, rows: 40))
        var jobs = DashboardFixture.jobs
        jobs.rows[0].jobName = "evil\u{1B}]0;owned\u{07}\u{1B}[2J name"
        _ = Reducer.reduce(&state, .loaded(state.query, .jobs(jobs)))
        let buffer = Screen.render(state)
        #expect(buffer.cells.allSatisfy { cell in cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } })
        #expect(buffer.lines.joined().contains("evil·]0;owned··[2J"))
    }
}

@Suite struct HeaderTests {
    @Test func aStaleHeaderSaysWhenNobodyIsPolling() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 120, rows: 40))
        state.header.poller = nil
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 300))
        #expect(Screen.render(state).text(row: 0).contains("STALE polled 5 min ago, no poller running"))
    }

    @Test func retriesOfTheLastPollShowBesideItsAge() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 120, rows: 40))
        state.header.pollRetries = 3
        let header = Screen.render(state).text(row: 0)
        #expect(header.contains("polled 12 s ago after 3 retries"))
    }

    @Test func aPollErrorTakesThePlaceOfTheAge() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 120, rows: 40))
        state.header.pollError = "jobs/: permission denied"
        let buffer = Screen.render(state)
        #expect(buffer.text(row: 0).contains("poll failed: jobs/: permission denied"))
        #expect(!buffer.text(row: 0).contains("polled 12 s ago"))
        #expect(buffer.text(row: buffer.height - 2).hasPrefix(" polling stopped: jobs/: permission denied; the figures"))
    }
}

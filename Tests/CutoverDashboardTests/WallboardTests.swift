import CutoverCore
import CutoverTerminal
import Testing

@testable import CutoverDashboard

/// The wallboard: pages turn on the clock, a stale banner when polls stop, no key can act or reveal.
@Suite struct WallboardTests {
    static let summary = WallboardSummary(
        cohorts: DashboardFixture.cohorts, openFindings: ["warning": 52, "missing": 7, "non-primary": 2],
        jobsRunning: 1, jobsFailed: 1)

    static func wallboard(size: TerminalSize = TerminalSize(columns: 120, rows: 40), ascii: Bool = false) -> AppState {
        var state = DashboardFixture.state(page: .summary, size: size, ascii: ascii, mode: .wallboard)
        state.rotation = Rotation(seconds: 15, shownSince: DashboardFixture.now)
        _ = Reducer.reduce(&state, .loaded(PageQuery(page: .summary), .summary(summary)))
        return state
    }

    @Test func pagesTurnAfterTheConfiguredSecondsWithoutSleeping() {
        var state = Self.wallboard()
        #expect(Reducer.reduce(&state, .tick(now: DashboardFixture.now + 14)).isEmpty)
        #expect(state.page == .summary)
        var seen: [Page] = []
        for turn in 1...Rotation.wallboardPages.count {
            let effects = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 15 * Double(turn)))
            #expect(effects == [.load(state.query(for: state.page))])
            seen.append(state.page)
        }
        #expect(seen == [.cohorts, .warnings, .jobs, .events, .summary])
    }

    @Test func theStaleBannerAppearsAfterTwoMissedIntervalsOnly() {
        var state = Self.wallboard()
        // The fixture polled 12 s before `now` with a 30 s interval: stale once more than 60 s have passed.
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 47))
        #expect(!Screen.render(state).lines.joined().contains("LAST POLL"))
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 49))
        let buffer = Screen.render(state)
        #expect(buffer.text(row: 2).contains("LAST POLL 61 S AGO"))
        #expect(buffer.text(row: 3).contains("FIGURES MAY BE OUT OF DATE"))
        #expect(buffer[0, 2].role == .critical)
    }

    @Test func noKeyActsOpensOrQuits() {
        var state = Self.wallboard()
        var keys: [Key] = (32...126).map { .character(Character(Unicode.Scalar($0)!)) }
        keys += [.up, .down, .left, .right, .enter, .escape, .pageUp, .pageDown, .home, .end, .backspace]
        for key in keys {
            let effects = Reducer.reduce(&state, .key(key))
            #expect(effects.allSatisfy { if case .load = $0 { true } else { false } }, "\(key)")
            #expect(state.dialog == nil && state.filterInput == nil && !state.showHelp, "\(key)")
            #expect(state.view.drill == nil && !state.revealPHI, "\(key)")
        }
    }

    @Test func onlyPageTurnsAreRegistered() {
        #expect(Set(CommandTable.commands(for: .wallboard).map(\.id)) == [.goToPage, .nextPage, .previousPage, .refresh])
    }

    @Test func tabFollowsTheRotationNotTheTabs() {
        var state = Self.wallboard()
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.page == .cohorts)
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.page == .warnings)
    }

    @Test(arguments: [
        (TerminalSize(columns: 80, rows: 24), false), (TerminalSize(columns: 120, rows: 40), false),
        (TerminalSize(columns: 80, rows: 24), true),
    ])
    func summaryMatchesItsSnapshot(size: TerminalSize, ascii: Bool) {
        let buffer = Screen.render(Self.wallboard(size: size, ascii: ascii))
        let text = buffer.lines.joined(separator: "\n")
        #expect(text.contains("research-2024"))
        #expect(text.contains("Ctrl-C quits"))
        #expect(!text.contains("? help"))
        SnapshotSupport.check(
            buffer, mono: false, named: "wallboard-summary-\(size.columns)x\(size.rows)-\(ascii ? "ascii" : "utf8")-color")
    }
}

/// Patient identifiers: shown only after an audited reveal, and only until the page changes.
@Suite struct RevealTests {
    private func revealed() -> AppState {
        var state = DashboardFixture.state(page: .nonPrimary, size: TerminalSize(columns: 120, rows: 40))
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .loaded(state.query, .imageSet(DashboardFixture.imageSet)))
        _ = Reducer.reduce(&state, .key(.character("p")))
        let effects = Reducer.reduce(&state, .key(.character("y")))
        guard case .perform(let operation)? = effects.first else { return state }
        _ = Reducer.reduce(&state, .operationFinished(operation, message: "recorded", succeeded: true))
        return state
    }

    @Test func revealShowsTheValuesAndChangingThePageMasksThemAgain() {
        var state = revealed()
        #expect(Screen.render(state).lines.joined().contains("DOE^JANE"))
        _ = Reducer.reduce(&state, .key(.character("1")))
        _ = Reducer.reduce(&state, .key(.character("3")))
        #expect(!state.revealPHI)
    }

    @Test func leavingTheInstanceListMasksThemAgain() {
        var state = revealed()
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(!state.revealPHI)
    }

    @Test func noDefaultPageShowsPatientIdentifiers() {
        for page in Page.allCases {
            var state = DashboardFixture.state(page: page, size: TerminalSize(columns: 120, rows: 40))
            if page == .nonPrimary {
                _ = Reducer.reduce(&state, .key(.enter))
                _ = Reducer.reduce(&state, .loaded(state.query, .imageSet(DashboardFixture.imageSet)))
            }
            let text = Screen.render(state).lines.joined()
            for value in ["MRN0042117", "DOE^JANE", "ACC778812"] { #expect(!text.contains(value), "\(page) shows \(value)") }
        }
    }
}

import CutoverCore
import CutoverTerminal
import Testing

@testable import CutoverDashboard

@Suite struct NavigationTests {
    @Test(arguments: Page.tabs)
    func numberKeysOpenTheirPageAndLoadIt(page: Page) {
        var state = DashboardFixture.state(page: .cohorts)
        let effects = Reducer.reduce(&state, .key(.character(Character(String(page.rawValue)))))
        #expect(state.page == page)
        #expect(effects.contains(.load(state.query(for: page))))
    }

    @Test func tabWrapsAroundThePages() {
        var state = DashboardFixture.state(page: .audit)
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.page == .cohorts)
        _ = Reducer.reduce(&state, .key(.backTab))
        #expect(state.page == .audit)
    }

    @Test func cursorStaysWithinTheRows() {
        var state = DashboardFixture.state(page: .cohorts)
        _ = Reducer.reduce(&state, .key(.character("k")))
        #expect(state.view.cursor == 0)
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.view.cursor == 2)
        _ = Reducer.reduce(&state, .key(.character("G")))
        #expect(state.view.cursor == DashboardFixture.cohorts.count - 1)
        _ = Reducer.reduce(&state, .key(.pageDown))
        #expect(state.view.cursor == DashboardFixture.cohorts.count - 1)
        _ = Reducer.reduce(&state, .key(.character("g")))
        #expect(state.view.cursor == 0)
    }

    @Test func scrollFollowsTheCursorOnASmallScreen() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 80, rows: 8))
        #expect(Layout.listRows(state.size) == 2)
        _ = Reducer.reduce(&state, .key(.character("G")))
        #expect(state.view.scroll == DashboardFixture.cohorts.count - 2)
        _ = Reducer.reduce(&state, .key(.character("g")))
        #expect(state.view.scroll == 0)
    }

    @Test func enterOnACohortOpensItsGates() {
        var state = DashboardFixture.state(page: .cohorts)
        _ = Reducer.reduce(&state, .key(.down))
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.page == .gates)
        #expect(state.gatesCohort == "ed-2019")
        #expect(effects.first == .load(PageQuery(page: .gates, cohort: "ed-2019", request: state.query.request)))
    }

    @Test func bracketsCycleTheGatesPageThroughCohorts() {
        var state = DashboardFixture.state(page: .gates)
        state.gatesCohort = "cardiology"
        _ = Reducer.reduce(&state, .key(.character("]")))
        #expect(state.gatesCohort == "ed-2019")
        _ = Reducer.reduce(&state, .key(.character("[")))
        _ = Reducer.reduce(&state, .key(.character("[")))
        #expect(state.gatesCohort == "planned-later")
    }

    @Test func enterDrillsIntoAWarningCodeAndEscapeComesBack() {
        var state = DashboardFixture.state(page: .warnings)
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.view.drill == .warningCode(45312))
        #expect(effects == [.load(state.query)])
        _ = Reducer.reduce(&state, .loaded(state.query, .warningInstances(code: 45312, DashboardFixture.warningInstances)))
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.view.drillCursor == 1)
        #expect(state.view.cursor == 0)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view.drill == nil)
    }

    @Test func aLoadForAnotherDrillIsIgnored() {
        var state = DashboardFixture.state(page: .nonPrimary)
        _ = Reducer.reduce(&state, .key(.enter))
        let stale = PageQuery(page: .nonPrimary, drill: .imageSet("some-other-set"))
        _ = Reducer.reduce(&state, .loaded(stale, .imageSet(DashboardFixture.imageSet)))
        #expect(state.view.drillContent == nil)
    }

    @Test func helpOpensAndClosesWithoutLeavingThePage() {
        var state = DashboardFixture.state(page: .jobs)
        _ = Reducer.reduce(&state, .key(.character("?")))
        #expect(state.showHelp)
        // Keys do not act behind the overlay.
        #expect(Reducer.reduce(&state, .key(.character("q"))) == [])
        #expect(!state.showHelp)
        #expect(Reducer.reduce(&state, .key(.character("q"))) == [.quit])
    }

    @Test func dataChangesReloadOnlyTheVisiblePage() {
        var state = DashboardFixture.state(page: .events)
        #expect(Reducer.reduce(&state, .dataChanged) == [.loadHeader, .load(state.query(for: .events))])
    }

    @Test func aFlashExpiresWithTheClock() {
        var state = DashboardFixture.state()
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.flash != nil)
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + Reducer.flashSeconds + 1))
        #expect(state.flash == nil)
    }

    @Test func resizingKeepsTheCursorVisible() {
        var state = DashboardFixture.state(page: .cohorts)
        _ = Reducer.reduce(&state, .key(.character("G")))
        _ = Reducer.reduce(&state, .resized(TerminalSize(columns: 60, rows: 7)))
        let rows = Layout.listRows(state.size)
        #expect(state.view.cursor >= state.view.scroll && state.view.cursor < state.view.scroll + rows)
    }
}

@Suite struct BackTests {
    @Test func escapeOnTheGatesPageGoesBackToTheCohorts() {
        var state = DashboardFixture.state(page: .gates)
        let effects = Reducer.reduce(&state, .key(.escape))
        #expect(state.page == .cohorts)
        #expect(effects == [.load(state.query(for: .cohorts))])
    }
}

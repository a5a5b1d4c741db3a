import CutoverStore
import CutoverTerminal
import Testing

@testable import CutoverDashboard

@Suite struct FilterAndSortTests {
    private func type(_ text: String, _ state: inout AppState) {
        for c in text { _ = Reducer.reduce(&state, .key(.character(c))) }
    }

    @Test func slashTypesAFilterThatEnterAppliesInTheQuery() {
        var state = DashboardFixture.state(page: .warnings)
        _ = Reducer.reduce(&state, .key(.character("/")))
        type("trans", &state)
        // Page keys are typed, not obeyed, while the filter line is open.
        type("q1", &state)
        _ = Reducer.reduce(&state, .key(.backspace))
        _ = Reducer.reduce(&state, .key(.backspace))
        #expect(state.filterInput?.text == "trans")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.filterInput == nil)
        #expect(state.view.filter == "trans")
        #expect(effects == [.load(state.query)])
        #expect(state.query.request.filter == "trans")
    }

    @Test func escapeKeepsTheOldFilter() {
        var state = DashboardFixture.state(page: .events)
        state.view.filter = "Failed"
        _ = Reducer.reduce(&state, .key(.character("/")))
        type("x", &state)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view.filter == "Failed")
    }

    @Test func sortCyclesThroughThePagesKeys() {
        var state = DashboardFixture.state(page: .jobs)
        #expect(state.query.request.sort == "submitted")
        var seen: [String?] = []
        for _ in Page.jobs.sortKeys {
            let effects = Reducer.reduce(&state, .key(.character("s")))
            #expect(effects == [.load(state.query)])
            seen.append(state.query.request.sort)
        }
        #expect(seen == ["status", "cohort", "errors", "duration", "submitted"])
    }

    @Test func pagesWithoutSortKeysSayNothingAndLoadNothing() {
        var state = DashboardFixture.state(page: .gates)
        #expect(Reducer.reduce(&state, .key(.character("s"))).isEmpty)
        #expect(state.flash?.text.contains("works on") == true)
    }
}

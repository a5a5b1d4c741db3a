import CutoverTerminal
import Testing

@testable import CutoverDashboard

/// Only what changed is redrawn: the frames of an idle second and of one keystroke differ in a few cells.
@Suite struct RedrawTests {
    private func changedCells(_ before: AppState, _ after: AppState) -> Int {
        BufferDiff.changes(from: Screen.render(before), to: Screen.render(after)).reduce(0) { $0 + $1.cells.count }
    }

    @Test func anIdleSecondChangesOnlyThePollAge() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 80, rows: 24))
        let before = state
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 1))
        let cells = changedCells(before, state)
        #expect(cells >= 1 && cells <= 2)
    }

    @Test func aSecondWithoutVisibleChangeChangesNothing() {
        var state = DashboardFixture.state(page: .cohorts, size: TerminalSize(columns: 80, rows: 24))
        state.header.lastPoll = DashboardFixture.now - 600  // "10 min ago" for a while
        let before = state
        _ = Reducer.reduce(&state, .tick(now: DashboardFixture.now + 1))
        #expect(changedCells(before, state) == 0)
    }

    @Test func oneTypedCharacterChangesTwoCells() {
        var state = DashboardFixture.state(page: .jobs, size: TerminalSize(columns: 80, rows: 24))
        _ = Reducer.reduce(&state, .key(.character("/")))
        let before = state
        _ = Reducer.reduce(&state, .key(.character("x")))
        #expect(changedCells(before, state) == 2)
    }
}

import CutoverTerminal
import Testing

@testable import CutoverDashboard

@Suite struct ReadOnlyTests {
    static let mutatingKeys: [(Page, Character)] = CommandTable.all.filter(\.mutates).flatMap { command in
        command.keys.compactMap { key -> (Page, Character)? in
            guard case .character(let c) = key, let page = Page.tabs.first(where: command.applies) else { return nil }
            return (page, c)
        }
    }

    @Test func everyMutatingCommandIsRefusedWithTheReason() {
        #expect(Self.mutatingKeys.count >= 8)
        for (page, key) in Self.mutatingKeys {
            var state = DashboardFixture.state(page: page, mode: .readOnly)
            if page == .warnings { _ = Reducer.reduce(&state, .key(.enter)) }
            #expect(Reducer.reduce(&state, .key(.character(key))).filter(isPerform).isEmpty, "key \(key)")
            #expect(state.dialog == nil, "key \(key)")
            #expect(state.flash?.text.contains("read-only session") == true, "key \(key)")
        }
    }

    @Test func theWallboardRegistersNoMutatingCommand() {
        #expect(CommandTable.commands(for: .wallboard).allSatisfy { !$0.mutates })
        var state = DashboardFixture.state(page: .cohorts, mode: .wallboard)
        #expect(Reducer.reduce(&state, .key(.character("h"))).isEmpty)
        #expect(state.flash == nil)
    }

    @Test func navigationStillWorksReadOnly() {
        var state = DashboardFixture.state(page: .cohorts, mode: .readOnly)
        _ = Reducer.reduce(&state, .key(.character("4")))
        #expect(state.page == .warnings)
    }

    private func isPerform(_ effect: Effect) -> Bool {
        if case .perform = effect { return true }
        return false
    }
}

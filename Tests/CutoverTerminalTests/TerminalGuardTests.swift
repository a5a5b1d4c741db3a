import Testing

@testable import CutoverTerminal

@Suite struct TerminalGuardTests {
    @Test func terminfoPaddingIsDroppedBeforeARawWrite() {
        let vt100Reset = Array("\u{1B}[m\u{0F}$<2>".utf8)
        #expect(TerminalGuard.withoutPadding(vt100Reset) == Array("\u{1B}[m\u{0F}".utf8))
        #expect(TerminalGuard.withoutPadding(Array("a$<5*/>b$c$<".utf8)) == Array("ab$c$<".utf8))
    }

    @Test func exitStatusFollowsTheShellConvention() {
        #expect(TerminalGuard.exitStatus(for: 2) == 130)
        #expect(TerminalGuard.exitStatus(for: 15) == 143)
        #expect(TerminalGuard.exitStatus(for: 1) == 129)
    }

    @Test func noSignalIsPendingUntilOneArrives() {
        #expect(TerminalGuard.pendingSignal == nil)
    }
}

import Testing

@testable import CutoverTerminal

@Suite struct ColorPairPlanTests {
    /// A fixed theme so the rules are tested, not a palette: critical is red on the default background.
    static func resolve(_ role: StyleRole) -> ResolvedStyle {
        switch role {
        case .critical: ResolvedStyle(foreground: 1, attributes: .bold)
        case .selected: ResolvedStyle(foreground: 15, background: 236, attributes: .reverse)
        default: ResolvedStyle()
        }
    }

    @Test func everyRoleOwnsThePairAfterItsRawValue() {
        let plan = ColorPairPlan.plan(depth: .palette256, colors: 256, defaultColors: true, resolve: Self.resolve)
        #expect(plan.entries.map(\.pair) == StyleRole.allCases.map { Int16($0.rawValue) + 1 })
        #expect(plan[.critical] == .init(pair: 7, foreground: 1, background: -1, attributes: .bold))
        #expect(plan[.selected] == .init(pair: 9, foreground: 15, background: 236, attributes: .reverse))
    }

    @Test func monoAllocatesNoPairsAndKeepsAttributes() {
        let plan = ColorPairPlan.plan(depth: .mono, colors: 256, defaultColors: true, resolve: Self.resolve)
        #expect(plan.entries.allSatisfy { $0.pair == 0 && $0.foreground == -1 && $0.background == -1 })
        #expect(plan[.critical].attributes == .bold)
        #expect(plan[.selected].attributes == .reverse)
    }

    @Test func indicesBeyondThePaletteFallBackToTheTerminalDefault() {
        let plan = ColorPairPlan.plan(depth: .eight, colors: 8, defaultColors: true, resolve: Self.resolve)
        #expect(plan[.selected] == .init(pair: 9, foreground: -1, background: -1, attributes: .reverse))
        #expect(plan[.critical].foreground == 1)
    }

    @Test func withoutDefaultColorsTheDefaultIsWhiteOnBlack() {
        let plan = ColorPairPlan.plan(depth: .eight, colors: 8, defaultColors: false, resolve: Self.resolve)
        #expect(plan[.normal] == .init(pair: 1, foreground: 7, background: 0, attributes: []))
        #expect(plan[.critical] == .init(pair: 7, foreground: 1, background: 0, attributes: .bold))
    }
}

import CutoverFormats
import Testing

@testable import CutoverTerminal

@Suite struct MonoAttributesTests {
    static let encoding: [(role: StyleRole, attributes: TextAttributes)] = [
        (.critical, [.reverse, .bold]), (.warning, .underline), (.careful, .bold), (.stale, .dim),
        (.selected, .reverse), (.header, .reverse), (.muted, .dim), (.disabled, .dim), (.ok, []), (.accent, .bold),
        (.normal, []),
    ]

    @Test(arguments: encoding)
    func theDefaultThemeUsesTheBuiltInEncodingAtMono(_ expected: (role: StyleRole, attributes: TextAttributes)) {
        #expect(Theme.default.resolve(expected.role, depth: .mono) == ResolvedStyle(attributes: expected.attributes))
        #expect(Theme.monoAttributes(for: expected.role) == expected.attributes)
    }

    @Test func theEncodingCoversEveryRole() {
        #expect(Set(Self.encoding.map(\.role)) == Set(StyleRole.allCases))
    }

    @Test func attributesGivenByATheme() {
        var theme = Theme(name: "t")
        theme[.critical] = Theme.RoleStyle(foreground: .ansi(.red), attributes: .underline)
        #expect(theme.resolve(.critical, depth: .mono) == ResolvedStyle(attributes: .underline))
        #expect(theme.resolve(.critical, depth: .sixteen) == ResolvedStyle(foreground: 1, attributes: .underline))
        #expect(theme.resolve(.warning, depth: .sixteen) == ResolvedStyle(), "no attrs given: none drawn in colour")
        #expect(theme.resolve(.warning, depth: .mono) == ResolvedStyle(attributes: .underline))
    }

    @Test(arguments: Theme.builtInNames)
    func monoDropsEveryColour(_ name: String) throws {
        let theme = try #require(Theme.builtIn(named: name))
        for role in StyleRole.allCases {
            let style = theme.resolve(role, depth: .mono)
            #expect(style.foreground == nil && style.background == nil, "\(name).\(role.name)")
        }
    }

    /// NO_COLOR users see whichever theme they chose at mono: severity must still read without colour.
    @Test(arguments: Theme.builtInNames)
    func severityStaysDistinctWithoutColour(_ name: String) throws {
        let theme = try #require(Theme.builtIn(named: name))
        let severities: [StyleRole] = [.ok, .careful, .warning, .critical]
        let looks = severities.map { theme.resolve($0, depth: .mono).attributes }
        #expect(Set(looks).count == severities.count, "\(name): \(looks.map(\.rawValue))")
        #expect(theme.resolve(.selected, depth: .mono).attributes.contains(.reverse), "\(name) selection")
    }
}

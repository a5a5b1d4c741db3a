import CutoverFormats
import Foundation
import Testing

@testable import CutoverTerminal

@Suite struct BuiltInThemeTests {
    /// `themes/` at the repository root, found from this file's place in `Tests/CutoverTerminalTests/`.
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func theShippedFilesAreExactlyTheBuiltInOnes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path)
            .filter { $0.hasSuffix(".toml") }
        #expect(Set(files) == Set(Theme.builtInNames.map { "\($0).toml" }))
    }

    @Test(arguments: BuiltInThemes.all.map(\.name))
    func theEmbeddedTextIsByteIdenticalToTheFile(_ name: String) throws {
        let file = try Data(contentsOf: Self.themesFolder.appendingPathComponent("\(name).toml"))
        let embedded = try #require(BuiltInThemes.all.first { $0.name == name }?.text)
        #expect(Data(embedded.utf8) == file, "themes/\(name).toml differs from BuiltInThemes.swift")
    }

    @Test(arguments: BuiltInThemes.all.map(\.name))
    func everyBuiltInThemeParsesAndNamesEveryRole(_ name: String) throws {
        let text = try #require(BuiltInThemes.all.first { $0.name == name }?.text)
        let file = try ThemeFile.parse(text, path: "themes/\(name).toml", roleNames: Theme.roleNames)
        #expect(file.name == name)
        #expect(Set(file.roles.keys) == Theme.roleNames)
        let theme = try #require(Theme.builtIn(named: name))
        #expect(Set(theme.roles.keys) == Set(StyleRole.allCases))
    }

    @Test func theDefaultThemeKeepsTheTerminalsBackground() {
        for role in StyleRole.allCases {
            let keepsBackground = Theme.default[role].background == .terminalDefault
            #expect(keepsBackground == ![.header, .selected].contains(role), "\(role.name)")
        }
    }

    @Test func okabeItoUsesOnlyItsPalette() throws {
        let palette: Set<String> = ["E69F00", "56B4E9", "009E73", "F0E442", "0072B2", "D55E00", "CC79A7", "000000"]
        let theme = try #require(Theme.builtIn(named: "okabe-ito"))
        var seen: Set<String> = []
        for role in StyleRole.allCases {
            for color in [theme[role].foreground, theme[role].background] {
                if case .rgb(let r, let g, let b) = color {
                    let hex = [r, g, b].map { String(format: "%02X", $0) }.joined()
                    #expect(palette.contains(hex), "\(role.name) uses #\(hex)")
                    seen.insert(hex)
                }
            }
        }
        #expect(seen.count >= 6)
    }

    @Test func theMonoThemeHasNoColourAtAnyDepth() throws {
        let mono = try #require(Theme.builtIn(named: "mono"))
        for depth in ColorDepth.allCases {
            for role in StyleRole.allCases {
                let style = mono.resolve(role, depth: depth)
                #expect(style.foreground == nil && style.background == nil)
                #expect(style.attributes == Theme.monoAttributes(for: role), "\(role.name) at \(depth)")
            }
        }
    }
}

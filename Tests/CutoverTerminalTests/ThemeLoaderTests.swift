import CutoverFormats
import Foundation
import Testing

@testable import CutoverTerminal

@Suite struct ThemeLoaderTests {
    @Test func nothingAskedMeansTheDefaultTheme() {
        let (theme, warning) = ThemeLoader.load(nameOrPath: nil, environment: [:])
        #expect(theme == .default)
        #expect(theme.name == "default")
        #expect(warning == nil)
    }

    @Test(arguments: Theme.builtInNames)
    func builtInNamesNeedNoFile(_ name: String) {
        let (theme, warning) = ThemeLoader.load(nameOrPath: name, environment: [:])
        #expect(theme.name == name)
        #expect(theme == Theme.builtIn(named: name))
        #expect(warning == nil)
    }

    @Test func aPartialOverrideKeepsEverythingItDoesNotName() throws {
        let path = try TemporaryThemeFile.write(
            """
            name = "site"
            base = "okabe-ito"
            [roles.critical]
            fg = "#ff0000"
            """)
        defer { TemporaryThemeFile.remove(path) }
        let theme = try ThemeLoader.load(path: path)
        let base = try #require(Theme.builtIn(named: "okabe-ito"))
        #expect(theme.name == "site")
        #expect(theme[.critical].foreground == .rgb(red: 255, green: 0, blue: 0))
        #expect(theme[.critical].background == base[.critical].background)
        for role in StyleRole.allCases where role != .critical {
            #expect(theme[role] == base[role], "role \(role.name)")
        }
    }

    @Test func withoutABaseTheDefaultThemeIsOverridden() throws {
        let path = try TemporaryThemeFile.write("[roles.ok]\nfg = 46\n", name: "greener-\(UUID().uuidString).toml")
        defer { TemporaryThemeFile.remove(path) }
        let theme = try ThemeLoader.load(path: path)
        #expect(theme[.ok].foreground == .indexed(46))
        #expect(theme[.warning] == Theme.default[.warning])
        #expect(theme.name.hasPrefix("greener-"), "the file name stands in for a missing name")
    }

    @Test func aRoleOverridesFieldByField() throws {
        let path = try TemporaryThemeFile.write("[roles.accent]\nfg = \"magenta\"\n[roles.stale]\nattrs = []\n")
        defer { TemporaryThemeFile.remove(path) }
        let theme = try ThemeLoader.load(path: path)
        #expect(theme[.accent].foreground == .ansi(.magenta))
        #expect(theme[.accent].attributes == Theme.default[.accent].attributes)
        #expect(theme[.accent].attributes == .bold)
        #expect(theme[.stale].attributes == [], "an empty list clears the base theme's attributes")
        #expect(theme.resolve(.stale, depth: .mono).attributes == [])
    }

    @Test func aBadFileFallsBackToTheDefaultWithOneSentence() throws {
        let path = try TemporaryThemeFile.write("name = \"x\"\n[roles.critical]\nfg = \"vermillion\"\n")
        defer { TemporaryThemeFile.remove(path) }
        let (theme, warning) = ThemeLoader.load(nameOrPath: path, environment: [:])
        #expect(theme == .default)
        let text = try #require(warning)
        #expect(text.hasPrefix("\(path):3: roles.critical.fg \"vermillion\" is not a colour"))
        #expect(text.hasSuffix("; using the default theme"))
        #expect(!text.contains("\n"))
    }

    @Test func aMissingFileFallsBackWithAWarning() {
        let (theme, warning) = ThemeLoader.load(nameOrPath: "/nonexistent/mine.toml", environment: [:])
        #expect(theme == .default)
        #expect(warning == "/nonexistent/mine.toml: no such file; using the default theme")
    }

    @Test func anUnknownNameListsTheBuiltInThemes() {
        let (theme, warning) = ThemeLoader.load(nameOrPath: "solarized", environment: ["HOME": "/nonexistent"])
        #expect(theme == .default)
        #expect(
            warning
                == "unknown theme solarized (built-in themes are default, light, high-contrast, okabe-ito, mono); "
                + "using the default theme")
    }

    @Test func aBareNameIsLookedUpInTheUsersConfigFolder() throws {
        let config = (NSTemporaryDirectory() as NSString).appendingPathComponent("cutover-xdg-\(UUID().uuidString)")
        let folder = config + "/cutover/themes"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "name = \"night\"\n[roles.ok]\nfg = \"bright-green\"\n".write(
            toFile: folder + "/night.toml", atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(nameOrPath: "night", environment: ["XDG_CONFIG_HOME": config])
        #expect(warning == nil)
        #expect(theme.name == "night")
        #expect(theme[.ok].foreground == .ansi(.brightGreen))
    }

    @Test func aTildePathUsesHome() throws {
        let home = (NSTemporaryDirectory() as NSString).appendingPathComponent("cutover-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "base = \"light\"\n".write(toFile: home + "/t.toml", atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(nameOrPath: "~/t.toml", environment: ["HOME": home])
        #expect(warning == nil)
        #expect(theme.roles == Theme.builtIn(named: "light")?.roles)
    }
}

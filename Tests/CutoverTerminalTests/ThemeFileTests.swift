import CutoverFormats
import Foundation
import Testing

@testable import CutoverTerminal

@Suite struct ThemeFileTests {
    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(
            name: "unknown top-level key", text: "name = \"x\"\ncolour = \"red\"\n", line: 2,
            message: "unknown key colour; expected one of base, name, roles"),
        BadFile(
            name: "name is not a string", text: "# mine\nname = 3\n", line: 2, message: "name must be a string"),
        BadFile(
            name: "unknown role", text: "name = \"x\"\n\n[roles.danger]\nfg = \"red\"\n", line: 3,
            message: "unknown role danger; expected one of accent, careful, critical, disabled, header, muted, normal, "
                + "ok, selected, stale, warning"),
        BadFile(
            name: "role is not a table", text: "[roles]\ncritical = \"red\"\n", line: 2,
            message: "roles.critical must be a table with fg, bg and attrs"),
        BadFile(
            name: "unknown key in a role", text: "[roles.ok]\nfg = \"green\"\nfgcolor = \"red\"\n", line: 3,
            message: "unknown key fgcolor in [roles.ok]; expected one of attrs, bg, fg"),
        BadFile(
            name: "short hex colour", text: "[roles.critical]\nfg = \"#d55e0\"\n", line: 2,
            message: "roles.critical.fg \"#d55e0\" is not a colour; use default, a name such as red or bright-blue, "
                + "a number 0–255, or #rrggbb"),
        BadFile(
            name: "hex with a sign", text: "[roles.ok]\nfg = \"#+12345\"\n", line: 2,
            message: "roles.ok.fg \"#+12345\" is not a colour; use default, a name such as red or bright-blue, "
                + "a number 0–255, or #rrggbb"),
        BadFile(
            name: "misspelt colour name", text: "[roles.ok]\nbg = \"brightblue\"\n", line: 2,
            message: "roles.ok.bg \"brightblue\" is not a colour; use default, a name such as red or bright-blue, "
                + "a number 0–255, or #rrggbb"),
        BadFile(
            name: "palette number out of range", text: "[roles.ok]\nfg = \"green\"\nbg = 300\n", line: 3,
            message: "roles.ok.bg 300 is not a palette number; use 0–255"),
        BadFile(
            name: "colour of the wrong type", text: "[roles.warning]\nfg = true\n", line: 2,
            message: "roles.warning.fg must be a colour string or a palette number"),
        BadFile(
            name: "unknown attribute", text: "[roles.stale]\nattrs = [\"dim\", \"blink\"]\n", line: 2,
            message: "roles.stale.attrs has unknown attribute blink; expected bold, dim, underline or reverse"),
        BadFile(
            name: "attrs not an array", text: "[roles.stale]\nattrs = \"dim\"\n", line: 2,
            message: "roles.stale.attrs must be an array of strings"),
        BadFile(
            name: "the second of two roles with the same key",
            text: "[roles.ok]\nfg = \"green\"\n\n[roles.careful]\nfg = \"#12345g\"\n", line: 5,
            message: "roles.careful.fg \"#12345g\" is not a colour; use default, a name such as red or bright-blue, "
                + "a number 0–255, or #rrggbb"),
        BadFile(
            name: "base that is not built in", text: "name = \"x\"\nbase = \"solarized\"\n", line: 2,
            message: "base \"solarized\" is not a built-in theme; expected one of default, high-contrast, light, mono, "
                + "okabe-ito"),
    ]

    @Test(arguments: badFiles)
    func badFilesNameTheFileAndLine(_ bad: BadFile) throws {
        let path = try TemporaryThemeFile.write(bad.text)
        defer { TemporaryThemeFile.remove(path) }
        #expect {
            _ = try ThemeLoader.load(path: path)
        } throws: { error in
            (error as? ConfigError)?.description == "\(path):\(bad.line): \(bad.message)"
        }
    }

    @Test func invalidTomlReportsTheParsersLine() throws {
        let path = try TemporaryThemeFile.write("name = \"x\"\n[roles.critical\nfg = \"red\"\n")
        defer { TemporaryThemeFile.remove(path) }
        let error = try #require(throws: ConfigError.self) { try ThemeLoader.load(path: path) }
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("\(path):2: "))
    }

    @Test func aMissingFileSaysSo() {
        #expect(throws: ConfigError(path: "/nonexistent/theme.toml", message: "no such file")) {
            try ThemeFile.load(path: "/nonexistent/theme.toml", roleNames: Theme.roleNames)
        }
    }

    @Test func everyColourFormIsRead() throws {
        let text = """
            name = "forms"
            [roles.ok]
            fg = "bright-green"
            bg = 236
            attrs = ["bold", "underline"]
            [roles.critical]
            fg = "#D55E00"
            bg = "default"
            """
        let file = try ThemeFile.parse(text, path: "forms.toml", roleNames: Theme.roleNames)
        #expect(file.name == "forms")
        #expect(file.base == nil)
        #expect(file.roles["ok"] == RoleSpec(fg: .ansi(.brightGreen), bg: .indexed(236), attrs: ["bold", "underline"]))
        #expect(file.roles["critical"] == RoleSpec(fg: .rgb(red: 0xD5, green: 0x5E, blue: 0), bg: .terminalDefault))
    }

    @Test func inlineTablesAreAcceptedAndErrorsInThemFindTheirLine() throws {
        let good = try ThemeFile.parse(
            "[roles]\nok = { fg = \"green\" }\n", path: "inline.toml", roleNames: Theme.roleNames)
        #expect(good.roles["ok"]?.fg == .ansi(.green))
        let expected = ConfigError(
            path: "inline.toml", line: 3, message: "roles.warning.fg 999 is not a palette number; use 0–255")
        #expect(throws: expected) {
            try ThemeFile.parse(
                "[roles]\nok = { fg = \"green\" }\nwarning = { fg = 999 }\n", path: "inline.toml",
                roleNames: Theme.roleNames)
        }
    }
}

/// Theme files in the temporary folder, one per test, so cases can run in parallel.
enum TemporaryThemeFile {
    static func write(_ text: String, name: String = UUID().uuidString + ".toml") throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

import Testing

@testable import CutoverFormats

/// Inputs `make fuzz` found, each kept as the smallest case that showed the fault.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    // MARK: Result lines

    @Test(
        "a result line the lenient parser rejects is never taken by the fast scanner",
        arguments: [
            // Found by FuzzResultLines: raw control bytes inside a field the scanner skips.
            "{\"inputFile\":\"a.dcm\",\"note\":\"Validation\u{01}\u{00}Exception\"}",
            "{\"inputFile\":\"a.dcm\",\"note\":\"line\nbreak\"}",
            #"{"inputFile":"a.dcm","note":"\q"}"#,
            #"{"inputFile":"a.dcm","note":"\u12G4"}"#,
            #"{"inputFile":"a.dcm","note":"\u12"}"#,
            // Found later by FuzzResultLines: numbers outside the parser's grammar in a skipped field.
            #"{"inputFile":"a.dcm","code":4557+,"type":"x"}"#,
            #"{"inputFile":"a.dcm","code":1.}"#,
            #"{"inputFile":"a.dcm","code":1e}"#,
            #"{"inputFile":"a.dcm","code":1e+}"#,
            #"{"inputFile":"a.dcm","code":1.2.3}"#,
            #"{"inputFile":"a.dcm","code":1-2}"#,
            #"{"inputFile":"a.dcm","code":--1}"#,
        ])
    func scannerDeclinesWhatTheParserRejects(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(bytes.withUnsafeBytes { ResultLineScanner.scan($0) } == nil)
        #expect(throws: JSONParseError.self) { try LenientJSONParser.parseDocument(bytes) }
    }

    @Test("skipped strings with valid escapes and tabs still take the fast path")
    func scannerKeepsValidEscapes() throws {
        let line = "{\"inputFile\":\"a.dcm\",\"note\":\"tab\there \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00E9\\uABcd\"}"
        let scanned = try #require(Array(line.utf8).withUnsafeBytes { ResultLineScanner.scan($0) })
        #expect(scanned.inputFile == ByteSpan(start: 14, count: 5))
        #expect((try? LenientJSONParser.parseDocument(Array(line.utf8))) != nil)
    }

    @Test(
        "numbers in the parser's grammar in skipped fields still take the fast path",
        arguments: ["0", "-0", "12", "1.5", "-1.5e-3", "2E+10", "007", "123456789012345678901234"])
    func scannerKeepsValidNumbers(_ number: String) throws {
        let line = "{\"inputFile\":\"a.dcm\",\"code\":\(number),\"importResponse\":{\"imageSetVersion\":2}}"
        let scanned = try #require(Array(line.utf8).withUnsafeBytes { ResultLineScanner.scan($0) })
        #expect(scanned.imageSetVersion == 2)
        #expect((try? LenientJSONParser.parseDocument(Array(line.utf8))) != nil)
    }

    // MARK: TOML files

    @Test(
        "a table header that does not start with a name is a config error on its line, not an abort",
        arguments: [
            // Found by FuzzConfigTOML and FuzzThemeTOML: toml++ asserts on these instead of reporting them.
            ("[migration]\nname = \"x\"\n[\nsources.local]\n", 3),
            ("# comment [\n\n[[ \n", 3),
            ("[.roles]\n", 1),
            ("[[=]]\n", 1),
            ("a = 1\n  [\t#x]\n", 2),
            // Found later by FuzzConfigTOML: the same after a byte-order mark.
            ("\u{FEFF}[\u{01},migration]\nname = \"x\"\n", 1),
        ])
    func headerWithoutName(_ text: String, line: Int) {
        for parse in [parseConfig, parseTheme] {
            #expect {
                try parse(text)
            } throws: { error in
                let error = error as? ConfigError
                return error?.line == line && error?.message.hasPrefix("a table header must start with a name") == true
            }
        }
    }

    @Test(
        "brackets inside strings, comments and multi-line arrays are not mistaken for headers",
        arguments: [
            "x = [\n  [\n    1\n  ],\n]\n",
            "s = \"\"\"\n[\n\"\"\"\n",
            "s = '''\n[\n'''\n",
            "s = \"a\\\" [\"\n[b]\n",
            "[ \"quoted key\" ]\n[[ 'literal' ]]\n",
            "# [\n[a] # [\n",
        ])
    func bracketsThatAreNotHeaders(_ text: String) throws {
        try TOMLPreCheck.check(text, path: "f.toml")
    }

    @Test(
        "an array element that starts with a closing brace is a config error on its line, not an abort",
        arguments: [
            // Found by FuzzThemeTOML: toml++ hands `}` to its value parser, which asserts.
            ("[roles.normal]\nattrs = [}\n", 2),
            ("x = [1, }\n", 1),
            ("x = [\n  1,\n  # a comment\n  }\n", 4),
            ("x = [[1], [}]]\n", 1),
        ])
    func arrayElementClosingBrace(_ text: String, line: Int) {
        for parse in [parseConfig, parseTheme] {
            #expect {
                try parse(text)
            } throws: { error in
                let error = error as? ConfigError
                return error?.line == line && error?.message == TOMLPreCheck.arrayMessage
            }
        }
    }

    @Test(
        "a value that is not a string, number, boolean, array or table is a config error on its line, not an abort",
        arguments: [
            // Found by FuzzConfigTOML: toml++ asserts on this half date-time.
            ("S =1139-05-11 2,110", 1),
            ("[migration]\nstarted = 1979-05-27\n", 2),
            ("x = [1, 2020-01-01]\n", 1),
            ("x = { a = 07:32:00 }\n", 1),
            ("x = tru\n", 1),
            ("x = 1__0\n", 1),
            ("x = 01\n", 1),
            ("x = 1.\n", 1),
            ("x = bare\n", 1),
        ])
    func notAValue(_ text: String, line: Int) {
        for parse in [parseConfig, parseTheme] {
            #expect {
                try parse(text)
            } throws: { error in
                let error = error as? ConfigError
                return error?.line == line && error?.message == TOMLPreCheck.valueMessage
            }
        }
    }

    @Test(
        "strings, numbers, booleans, arrays and tables are left to the parser",
        arguments: [
            "x = 1\n", "x=1_000\n", "x = 0xDEAD_beef\n", "x = 0o755\n", "x = 0b1010\n", "x = +inf\n", "x = -nan\n",
            "x = 6.626e-34\n", "x = -0.5E+3 # c\n", "x = true\n", "x = false,\n", "x = [ 1, 2 ]\n", "x = { a = 1 }\n",
            "x = \"s\"\n", "x = 'lit'\n", "x = \"\"\"\nmulti\n\"\"\"\n", "x = [\n  \"a\", # c\n  true,\n]\n", "x = 0\n",
        ])
    func valuesThatAreFine(_ text: String) throws {
        try TOMLPreCheck.check(text, path: "f.toml")
    }

    @Test(
        "braces that belong in arrays are left to the parser",
        arguments: ["x = [{a = 1}, {b = 2}]\n", "x = [ {} ]\n", "x = []\n", "x = [1,]\n", "s = \"[}\"\n"])
    func bracesThatAreFine(_ text: String) throws {
        try TOMLPreCheck.check(text, path: "f.toml")
    }

    private let parseConfig: (String) throws -> Void = { _ = try CutoverConfig.parse($0, path: "cutover.toml") }
    private let parseTheme: (String) throws -> Void = {
        _ = try ThemeFile.parse($0, path: "theme.toml", roleNames: ["header"])
    }
}

import CutoverFormats
import Testing

@Suite("Lenient JSON parser")
struct LenientJSONParserTests {
    struct ValidCase: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var expected: JSONValue
        var testDescription: String { name }

        init(_ name: String, _ input: String, _ expected: JSONValue) {
            self.name = name
            self.input = Array(input.utf8)
            self.expected = expected
        }

        init(_ name: String, bytes: [UInt8], _ expected: JSONValue) {
            self.name = name
            self.input = bytes
            self.expected = expected
        }
    }

    @Test(
        "accepts JSON and the lenient extras",
        arguments: [
            ValidCase("strict literals", "[true, false, null]", .array([.bool(true), .bool(false), .null])),
            ValidCase(
                "Python True/False/None", #"{"a": True, "b": False, "c": None}"#,
                .object(["a": .bool(true), "b": .bool(false), "c": .null])),
            ValidCase("empty containers", #"{"a": {}, "b": []}"#, .object(["a": .object([:]), "b": .array([])])),
            ValidCase(
                "simple escapes", #""q\"b\\s\/b\bf\fn\nr\rt\t""#, .string("q\"b\\s/b\u{08}f\u{0C}n\nr\rt\t")),
            ValidCase("BMP unicode escape", #""caf\u00e9 \u00E9""#, .string("café é")),
            ValidCase("surrogate pair", #""\ud83d\ude00!""#, .string("😀!")),
            ValidCase("lone high surrogate", #""a\ud800b""#, .string("a\u{FFFD}b")),
            ValidCase("lone low surrogate", #""\udc00""#, .string("\u{FFFD}")),
            ValidCase("high surrogate before a non-surrogate escape", #""\ud800\u0041""#, .string("\u{FFFD}A")),
            ValidCase("two high surrogates", #""\ud800\ud83d\ude00""#, .string("\u{FFFD}😀")),
            ValidCase("UTF-8 passes through", #""Müller 日本""#, .string("Müller 日本")),
            ValidCase("invalid UTF-8 is replaced", bytes: [0x22, 0x61, 0xFF, 0x62, 0x22], .string("a\u{FFFD}b")),
            ValidCase(
                "invalid UTF-8 next to an escape is replaced", bytes: [0x22, 0x5C, 0x6E, 0xC3, 0x22],
                .string("\n\u{FFFD}")),
            ValidCase("raw tab inside a string", "\"a\tb\"", .string("a\tb")),
            ValidCase("trailing comma in an array", "[1, 2,]", .array([.number(1), .number(2)])),
            ValidCase("trailing comma in an object", #"{"a": 1,}"#, .object(["a": .number(1)])),
            ValidCase("duplicate keys: last wins", #"{"a": 1, "a": 2}"#, .object(["a": .number(2)])),
            ValidCase("unicode key", #"{"\u0069d": "x"}"#, .object(["id": .string("x")])),
            ValidCase("Infinity", "[Infinity, -Infinity]", .array([.number(.infinity), .number(-.infinity)])),
            ValidCase("byte order mark", "\u{FEFF} {\"a\": 1}", .object(["a": .number(1)])),
            ValidCase("surrounding whitespace", " \r\n\t 7 \n", .number(7)),
        ])
    func valid(_ testCase: ValidCase) throws {
        #expect(try LenientJSONParser.parseDocument(testCase.input) == testCase.expected)
    }

    @Test("NaN parses as a number")
    func notANumber() throws {
        #expect(try json("NaN").double?.isNaN == true)
    }

    @Test(
        "numbers convert exactly",
        arguments: [
            "0", "-0", "7", "-42", "1731411962.052", "1731412589.417", "1731412904.5", "0.1", "0.3", "1e3",
            "1.5E-3", "2e+2", "123456789012345678", "12345678901234567890", "1234567890123456789012.5e-3",
            "0.000000000000000000000000001", "9007199254740993", "4.9e-324", "1.7976931348623157e308", "1e400",
            "007",
        ])
    func numbers(_ text: String) throws {
        let expected = try #require(Double(text))
        #expect(try json(text) == .number(expected))
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var isTruncated: Bool
        var offset: Int?
        var testDescription: String { name }

        init(_ name: String, _ input: String, truncated: Bool, offset: Int? = nil) {
            self.name = name
            self.input = input
            self.isTruncated = truncated
            self.offset = offset
        }
    }

    @Test(
        "tells an unfinished value from a malformed one",
        arguments: [
            ErrorCase("empty input", "", truncated: true),
            ErrorCase("whitespace only", "  \n", truncated: true),
            ErrorCase("object cut after a value", #"{"a": 1"#, truncated: true),
            ErrorCase("object cut after a comma", #"{"a": 1,"#, truncated: true),
            ErrorCase("object cut after a key", #"{"a""#, truncated: true),
            ErrorCase("literal cut short", #"{"a": tru"#, truncated: true),
            ErrorCase("Python literal cut short", "[Tr", truncated: true),
            ErrorCase("N cut short", "[N", truncated: true),
            ErrorCase("array cut short", "[1, 2", truncated: true),
            ErrorCase("string cut short", #""abc"#, truncated: true),
            ErrorCase("string cut inside an escape", #""abc\"#, truncated: true),
            ErrorCase("string cut inside a unicode escape", #""\u12"#, truncated: true),
            ErrorCase("string cut after a high surrogate", #""\ud83d"#, truncated: true),
            ErrorCase("string cut inside a low surrogate", #""\ud83d\ude"#, truncated: true),
            ErrorCase("number cut after the point", "1.", truncated: true),
            ErrorCase("number cut after the exponent mark", "1e", truncated: true),
            ErrorCase("lone minus", "-", truncated: true),
            ErrorCase("missing colon", #"{"a" 1}"#, truncated: false, offset: 5),
            ErrorCase("unquoted key", "{a: 1}", truncated: false, offset: 1),
            ErrorCase("numeric key", "{1: 2}", truncated: false, offset: 1),
            ErrorCase("misspelt literal", #"{"a": trux}"#, truncated: false, offset: 9),
            ErrorCase("missing comma", "[1 2]", truncated: false, offset: 3),
            ErrorCase("wrong closer", "[1}", truncated: false, offset: 2),
            ErrorCase("line break inside a string", "\"a\nb\"", truncated: false, offset: 2),
            ErrorCase("unknown escape", #""\q""#, truncated: false, offset: 1),
            ErrorCase("bad hex in a unicode escape", #""\u12G4""#, truncated: false, offset: 5),
            ErrorCase("data after the value", #"{"a": 1} x"#, truncated: false, offset: 9),
            ErrorCase("two values", "1 2", truncated: false, offset: 2),
            ErrorCase("leading point", ".5", truncated: false, offset: 0),
            ErrorCase("point without digits", "1.e5", truncated: false, offset: 2),
            ErrorCase("single quotes", "'a'", truncated: false, offset: 0),
            ErrorCase("bad minus", "-x", truncated: false, offset: 1),
            ErrorCase("-Inf misspelt", "-Inx", truncated: false),
        ])
    func errors(_ testCase: ErrorCase) {
        do {
            let value = try LenientJSONParser.parseDocument(Array(testCase.input.utf8))
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.isTruncated == testCase.isTruncated)
            #expect(!error.reason.isEmpty)
            if let offset = testCase.offset { #expect(error.offset == offset) }
        }
    }

    @Test("parseValue parses one value and returns the offset after it")
    func parseValueSequence() throws {
        let bytes = Array(#"  {"a":1}  [2]"x""#.utf8)
        try bytes.withUnsafeBytes { raw in
            let first = try LenientJSONParser.parseValue(raw, from: 0)
            #expect(first.value == .object(["a": .number(1)]))
            #expect(first.end == 9)
            let second = try LenientJSONParser.parseValue(raw, from: first.end)
            #expect(second.value == .array([.number(1 + 1)]))
            #expect(second.end == 14)
            let third = try LenientJSONParser.parseValue(raw, from: second.end)
            #expect(third.value == .string("x"))
            #expect(third.end == bytes.count)
            #expect(throws: JSONParseError.self) { try LenientJSONParser.parseValue(raw, from: third.end) }
        }
    }

    @Test("every proper prefix of an event is truncated, never malformed")
    func prefixesAreTruncated() throws {
        let event = try Fixture.bytes("events-firehose-concatenated.txt")
        let first = try event.withUnsafeBytes { try LenientJSONParser.parseValue($0, from: 0).end }
        for length in 0..<first {
            do {
                _ = try LenientJSONParser.parseDocument(Array(event[..<length]))
                Issue.record("prefix of \(length) bytes parsed")
            } catch {
                #expect(error.isTruncated, "prefix of \(length) bytes: \(error.reason)")
            }
        }
    }

    @Test("error reasons never quote the input")
    func reasonsDoNotQuoteInput() {
        let secret = "PATIENT^JANE"
        for text in [#"{"name": "\#(secret)" x}"#, #"{"\#(secret)" 1}"#, #"["\#(secret)\q"]"#] {
            #expect {
                try LenientJSONParser.parseDocument(Array(text.utf8))
            } throws: { error in
                !String(describing: error).contains("JANE")
            }
        }
    }
}

import CutoverFormats
import Testing

@Suite("JSONValue accessors")
struct JSONValueTests {
    struct IntCase: CustomTestStringConvertible, Sendable {
        var name: String
        var value: JSONValue
        var expected: Int?
        var testDescription: String { name }
    }

    @Test(
        "int reads whole numbers and digit strings",
        arguments: [
            IntCase(name: "whole number", value: .number(2), expected: 2),
            IntCase(name: "negative number", value: .number(-7), expected: -7),
            IntCase(name: "number with a fraction", value: .number(1.5), expected: nil),
            IntCase(name: "number too large for Int", value: .number(1e300), expected: nil),
            IntCase(name: "NaN", value: .number(.nan), expected: nil),
            IntCase(name: "digit string (event imageSetVersion)", value: .string("1"), expected: 1),
            IntCase(name: "negative digit string", value: .string("-12"), expected: -12),
            IntCase(name: "plus sign is not a digit", value: .string("+1"), expected: nil),
            IntCase(name: "decimal string", value: .string("1.0"), expected: nil),
            IntCase(name: "empty string", value: .string(""), expected: nil),
            IntCase(name: "string with spaces", value: .string(" 1"), expected: nil),
            IntCase(name: "digit string overflowing Int", value: .string("99999999999999999999"), expected: nil),
            IntCase(name: "bool", value: .bool(true), expected: nil),
            IntCase(name: "null", value: .null, expected: nil),
        ])
    func int(_ testCase: IntCase) {
        #expect(testCase.value.int == testCase.expected)
    }

    @Test("typed accessors return nil for other cases")
    func typedAccessors() throws {
        let value = try json(#"{"s": "x", "b": false, "n": 2.5, "a": [1], "o": {"k": null}}"#)
        #expect(value["s"]?.string == "x")
        #expect(value["b"]?.bool == false)
        #expect(value["n"]?.double == 2.5)
        #expect(value["a"]?.array == [.number(1)])
        #expect(value["a"]?[0] == .number(1))
        #expect(value["a"]?[1] == nil)
        #expect(value["o"]?.object == ["k": .null])
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["s"]?.bool == nil)
        #expect(value["b"]?.string == nil)
        #expect(value["n"]?.array == nil)
        #expect(value["missing"] == nil)
        #expect(value["s"]?["k"] == nil)
        #expect(value.string == nil)
    }
}

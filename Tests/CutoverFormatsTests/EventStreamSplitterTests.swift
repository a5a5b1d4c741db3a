import CutoverCore
import CutoverFormats
import Testing

@Suite("Event stream splitter")
struct EventStreamSplitterTests {
    @Test("events.json: a JSON array yields its nineteen elements with their lines")
    func arrayFixture() throws {
        let bytes = try Fixture.bytes("events.json")
        let (items, consumed, line) = split(bytes)
        let values = items.compactMap(Item.init).filter(\.isValue)
        #expect(items.count == 19 && values.count == 19)
        #expect(values.prefix(3).map(\.line) == [2, 20, 38])
        #expect(values.prefix(3).map(\.offset) == [4, 567, 1142])
        for value in values {
            #expect(value.line == 1 + bytes[..<value.offset].filter { $0 == 0x0A }.count)
            #expect(bytes[value.offset] == UInt8(ascii: "{"))
        }
        #expect(consumed == bytes.count)
        #expect(line == 1 + bytes.filter { $0 == 0x0A }.count)
        let events = try items.map { item throws -> ImagingEvent in
            guard case .value(let value, _, _) = item else { throw FormatError("not a value") }
            return try EventDecoder.decode(value)
        }
        #expect(events.last?.detailType == "Image Set Deleted")
    }

    @Test("events-firehose-concatenated.txt: three events with no delimiter")
    func concatenatedFixture() throws {
        let bytes = try Fixture.bytes("events-firehose-concatenated.txt")
        let (items, consumed, line) = split(bytes)
        let values = items.compactMap(Item.init)
        #expect(values.map(\.isValue) == [true, true, true])
        #expect(values.map(\.offset) == [0, 676, 1356])
        #expect(values.map(\.line) == [1, 1, 1])
        #expect(consumed == bytes.count && line == 1)
        let statuses = try items.map { item throws -> String? in
            guard case .value(let value, _, _) = item else { return nil }
            return try EventDecoder.decode(value).detail.jobStatus
        }
        #expect(statuses == ["SUBMITTED", "IN_PROGRESS", "COMPLETED"])
    }

    struct LayoutCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// `v<line>` for a value, `m<line>` for a malformed span.
        var expected: [String]
        var testDescription: String { name }
    }

    @Test(
        "layouts, and damage in the middle of each",
        arguments: [
            LayoutCase(
                name: "NDJSON", text: "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n", expected: ["v1", "v2", "v3"]),
            LayoutCase(
                name: "NDJSON without a final newline", text: "{\"id\":\"a\"}\n{\"id\":\"b\"}", expected: ["v1", "v2"]),
            LayoutCase(name: "CRLF lines", text: "{\"id\":\"a\"}\r\n{\"id\":\"b\"}\r\n", expected: ["v1", "v2"]),
            LayoutCase(name: "single object", text: "  {\"id\":\"a\"}  ", expected: ["v1"]),
            LayoutCase(
                name: "pretty-printed objects separated by blank lines",
                text: "{\n  \"id\": \"a\",\n  \"detail\": {\n    \"k\": 1\n  }\n}\n\n{\n  \"id\": \"b\"\n}\n",
                expected: ["v1", "v8"]),
            LayoutCase(
                name: "malformed line in the middle of NDJSON",
                text: "{\"id\":\"a\"}\n{\"id\": oops, \"x\": 1}\n{\"id\":\"c\"}\n", expected: ["v1", "m2", "v3"]),
            LayoutCase(
                name: "line cut short in the middle of NDJSON",
                text: "{\"id\":\"a\",\"x\":\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n", expected: ["m1", "v2", "v3"]),
            LayoutCase(
                name: "string cut short in the middle of NDJSON",
                text: "{\"id\":\"a\"}\n{\"id\":\"b\n{\"id\":\"c\"}\n", expected: ["v1", "m2", "v3"]),
            LayoutCase(
                name: "consecutive garbage lines are reported one by one",
                text: "{\"id\":\"a\"}\ngarbage\nmore garbage\n{\"id\":\"d\"}\n", expected: ["v1", "m2", "m3", "v4"]),
            LayoutCase(
                name: "malformed NDJSON line holding a nested object",
                text: "{\"detail\": {\"imageSetId\": \"x\"}, oops\n{\"id\":\"c\"}\n", expected: ["m1", "v2"]),
            LayoutCase(
                name: "malformed object in the middle of concatenated objects",
                text: "{\"id\":\"a\"}{\"id\": oops, \"d\": {\"k\": 1}}{\"id\":\"c\"}", expected: ["v1", "m1", "v1"]),
            LayoutCase(
                name: "cut-short object in the middle of concatenated objects",
                text: "{\"id\":\"a\"}{\"id\":\"b\",\"detail\":{\"k\":{\"id\":\"c\"}{\"id\":\"d\"}\n{\"id\":\"e\"}",
                expected: ["v1", "m1", "v1", "v2"]),
            LayoutCase(
                name: "malformed pretty-printed object between good ones",
                text: "{\n  \"id\": \"a\"\n}\n{\n  \"id\": oops,\n  \"detail\": {\n    \"k\": 1\n  }\n}\n"
                    + "{\n  \"id\": \"c\"\n}\n",
                expected: ["v1", "m4", "v10"]),
            LayoutCase(
                name: "malformed element of a pretty-printed array",
                text: "[\n  {\"id\": \"a\"},\n  {\"id\": oops},\n  {\"id\": \"c\"}\n]\n", expected: ["v2", "m3", "v4"]),
            LayoutCase(
                name: "malformed element of a one-line array",
                text: "[{\"id\":\"a\"},{\"id\": oops, \"d\": {\"k\": 1}},{\"id\":\"c\"}]",
                expected: ["v1", "m1", "v1"]),
            LayoutCase(name: "empty array", text: "[]\n", expected: []),
            LayoutCase(
                name: "array followed by objects", text: "[{\"id\":\"a\"}]\n{\"id\":\"b\"}", expected: ["v1", "v2"]),
            LayoutCase(
                name: "stray closing brace", text: "{\"id\":\"a\"}}\n{\"id\":\"b\"}", expected: ["v1", "m1", "v2"]),
            LayoutCase(
                name: "record separators (RFC 7464)", text: "\u{1E}{\"id\":\"a\"}\n\u{1E}{\"id\":\"b\"}\n",
                expected: ["v1", "v2"]),
        ])
    func layouts(_ testCase: LayoutCase) {
        let (items, consumed, _) = split(testCase.text)
        #expect(items.compactMap(Item.init).map(\.summary) == testCase.expected)
        #expect(consumed == testCase.text.utf8.count)
    }

    @Test("the values around damage come out whole")
    func valuesAroundDamage() {
        let (items, _, _) = split("{\"id\":\"a\"}{\"id\": oops}{\"id\":\"c\"}\n{\"id\":\"d\"}")
        let ids = items.compactMap { item -> String? in
            guard case .value(let value, _, _) = item else { return nil }
            return value["id"]?.string
        }
        #expect(ids == ["a", "c", "d"])
        guard case .malformed(let reason, let line, let offset, let excerpt) = items[1] else {
            Issue.record("expected the second item to be malformed")
            return
        }
        #expect(line == 1 && offset == 10)
        #expect(excerpt == Array("{\"id\": oops}".utf8))
        #expect(!reason.isEmpty)
    }

    @Test("an excerpt is at most 64 bytes")
    func excerptLength() {
        let long = "{\"id\": " + String(repeating: "x", count: 200) + "}\n{\"id\":\"b\"}"
        let (items, _, _) = split(long)
        guard case .malformed(_, _, _, let excerpt) = items.first else {
            Issue.record("expected a malformed item first")
            return
        }
        #expect(excerpt == Array(long.utf8.prefix(64)))
        #expect(items.count == 2)
    }

    @Test("an unfinished last value waits for more bytes when the file may still grow")
    func unfinishedWaits() {
        let text = "{\"id\":\"a\"}\n{\"id\":\"b\",\"de"
        let (items, consumed, line) = split(text, isFinal: false)
        #expect(items.compactMap(Item.init).map(\.summary) == ["v1"])
        #expect(consumed == 11)
        #expect(line == 2)

        let grown = Array((text + "tail-type\":\"X\"}\n{\"id\":\"c\"}\n").utf8)
        let resumed = split(Array(grown[consumed...]), firstLine: line, isFinal: false)
        #expect(resumed.items.compactMap(Item.init).map(\.summary) == ["v2", "v3"])
        #expect(resumed.consumed == grown.count - consumed)
        #expect(resumed.line == 4)
    }

    @Test("an unfinished last value is malformed when the file is final")
    func unfinishedFinal() {
        let text = "{\"id\":\"a\"}\n{\"id\":\"b\",\"de"
        let (items, consumed, _) = split(text, isFinal: true)
        #expect(items.compactMap(Item.init).map(\.summary) == ["v1", "m2"])
        guard case .malformed(let reason, _, let offset, let excerpt) = items.last else { return }
        #expect(reason.contains("unfinished"))
        #expect(offset == 11 && excerpt == Array("{\"id\":\"b\",\"de".utf8))
        #expect(consumed == text.utf8.count)
    }

    @Test("an unfinished element of an array resumes after the file grows")
    func unfinishedArrayElement() {
        let text = "[\n  {\"id\":\"a\"},\n  {\"id\":\"b\""
        let (items, consumed, line) = split(text, isFinal: false)
        #expect(items.compactMap(Item.init).map(\.summary) == ["v2"])
        #expect(line == 3)
        let grown = Array((text + "},\n  {\"id\":\"c\"}\n]\n").utf8)
        let resumed = split(Array(grown[consumed...]), firstLine: line, isFinal: true)
        #expect(resumed.items.compactMap(Item.init).map(\.summary) == ["v3", "v4"])
    }

    @Test("a trailing number may still be growing; a trailing object may not")
    func trailingScalars() {
        #expect(split("{\"a\":1}\n12", isFinal: false).items.count == 1)
        #expect(split("{\"a\":1}\n12", isFinal: true).items.count == 2)
        #expect(split("{\"a\":1}", isFinal: false).items.count == 1)
    }

    @Test("a malformed value before an unfinished one is reported, then the splitter waits")
    func damageThenUnfinished() {
        let text = "{\"id\": oops}\n{\"id\":\"b\""
        let (items, consumed, line) = split(text, isFinal: false)
        #expect(items.compactMap(Item.init).map(\.summary) == ["m1"])
        #expect(consumed == 13 && line == 2)
    }

    @Test("trailing whitespace is consumed, and lines count from firstLine")
    func consumedAndLines() {
        let (items, consumed, line) = split("\n{\"id\":\"a\"}\n\n", firstLine: 41, isFinal: false)
        #expect(items.compactMap(Item.init).map(\.summary) == ["v42"])
        #expect(consumed == 13)
        #expect(line == 44)
    }

    @Test("a byte order mark at the start is skipped")
    func byteOrderMark() {
        let (items, _, _) = split([0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\"}".utf8))
        #expect(items.compactMap(Item.init).map(\.summary) == ["v1"])
        #expect(items.compactMap(Item.init).first?.offset == 3)
    }

    @Test("an empty buffer yields nothing")
    func empty() {
        let (items, consumed, line) = split("", firstLine: 7)
        #expect(items.isEmpty && consumed == 0 && line == 7)
    }

    @Test("a large Firehose object splits into every event")
    func largeBuffer() throws {
        let event = try Fixture.bytes("events-firehose-concatenated.txt")
        let count = 3_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(event.count * count / 3)
        for _ in 0..<(count / 3) { bytes += event }
        let (items, consumed, _) = split(bytes)
        #expect(items.count == count)
        #expect(consumed == bytes.count)
    }
}

/// A flattened view of an item, for compact expectations.
struct Item {
    var isValue: Bool
    var line: Int
    var offset: Int

    init?(_ item: EventStreamItem) {
        switch item {
        case .value(_, let line, let offset): (isValue, self.line, self.offset) = (true, line, offset)
        case .malformed(_, let line, let offset, _): (isValue, self.line, self.offset) = (false, line, offset)
        }
    }

    var summary: String { "\(isValue ? "v" : "m")\(line)" }
}

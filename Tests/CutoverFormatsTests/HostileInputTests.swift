import CutoverFormats
import Testing

/// Input written by an attacker or a broken tool must produce errors, never crashes or hangs.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(
        "nesting beyond the limit is refused",
        arguments: [("arrays", "[", "]"), ("objects", #"{"a":"#, "}")])
    func deepNesting(_ kind: String, _ open: String, _ close: String) {
        let tooDeep = String(repeating: open, count: 100_000)
        #expect {
            try LenientJSONParser.parseDocument(Array(tooDeep.utf8))
        } throws: { error in
            let parseError = error as? JSONParseError
            return parseError?.isTruncated == false && parseError?.reason.contains("nesting") == true
        }
        let limit = LenientJSONParser.maximumDepth
        let atLimit = String(repeating: open, count: limit) + "1" + String(repeating: close, count: limit)
        #expect((try? LenientJSONParser.parseDocument(Array(atLimit.utf8))) != nil, "\(kind) at the limit parse")
        let overLimit = open + atLimit + close
        #expect(throws: JSONParseError.self) { try LenientJSONParser.parseDocument(Array(overLimit.utf8)) }
    }

    @Test("lone surrogates in keys and values decode to U+FFFD")
    func loneSurrogates() throws {
        let value = try json(#"{"\udfff": "\ud800", "k": "\udbff\udbff"}"#)
        #expect(value == .object(["\u{FFFD}": .string("\u{FFFD}"), "k": .string("\u{FFFD}\u{FFFD}")]))
    }

    @Test("every kind of invalid UTF-8 is replaced")
    func invalidUTF8() throws {
        let sequences: [[UInt8]] = [
            [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        ]
        for sequence in sequences {
            let value = try LenientJSONParser.parseDocument([0x22] + sequence + [0x22])
            let text = try #require(value.string)
            #expect(text.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" }, "\(sequence)")
        }
    }

    @Test("huge numbers and exponents do not trap")
    func hugeNumbers() throws {
        #expect(try json(String(repeating: "9", count: 5_000)) == .number(.infinity))
        #expect(try json("1e99999999999999999999999") == .number(.infinity))
        #expect(try json("1e-99999999999999999999999") == .number(0))
        #expect(try json("-" + String(repeating: "0", count: 400) + "1") == .number(-1))
    }

    @Test("random bytes give values or errors, never crashes")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array(#"{}[]":,\ u0dTFNaIn-1.e+E"#.utf8) + [0x0A, 0x00, 0xFF, 0xED, 0xA0]
        var outcomes = (values: 0, truncated: 0, malformed: 0)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            do {
                _ = try LenientJSONParser.parseDocument(bytes)
                outcomes.values += 1
            } catch {
                if error.isTruncated { outcomes.truncated += 1 } else { outcomes.malformed += 1 }
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
        }
        #expect(outcomes.malformed > 0 && outcomes.truncated > 0)
    }

    @Test("random bytes through the splitter always make progress")
    func randomStreams() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array(#"{}[]":,\ x1"#.utf8) + [0x0A]
        for _ in 0..<500 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for isFinal in [true, false] {
                let (items, consumed, _) = split(bytes, isFinal: isFinal)
                #expect(items.count <= length + 1)
                if isFinal { #expect(consumed == bytes.count) }
            }
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The cursor behind ``LenientJSONParser``: reads values from `position` onwards, in place.
///
/// Recursive descent, bounded by ``LenientJSONParser/maximumDepth``. Every error says whether the input merely
/// ran out (`isTruncated`) or held something that can never become valid.
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    private var depth = 0

    init(bytes: UnsafeRawBufferPointer, position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count, JSONReader.isWhitespace(bytes[position]) {
            position += 1
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    mutating func readValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw truncated("the input ended before a value started") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try readLiteral("null", .null)
        case UInt8(ascii: "T"): return try readLiteral("True", .bool(true))
        case UInt8(ascii: "F"): return try readLiteral("False", .bool(false))
        case UInt8(ascii: "I"): return try readLiteral("Infinity", .number(.infinity))
        case UInt8(ascii: "N"):
            guard position + 1 < bytes.count else { throw truncated("the input ended inside a literal") }
            return bytes[position + 1] == UInt8(ascii: "a")
                ? try readLiteral("NaN", .number(.nan)) : try readLiteral("None", .null)
        default:
            throw malformed("unexpected \(Self.describe(bytes[position])) where a value should start")
        }
    }

    private mutating func readObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw truncated("the input ended inside an object") }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw malformed("expected a quoted key in an object, found \(Self.describe(bytes[position]))")
            }
            let key = try readString()
            skipWhitespace()
            guard position < bytes.count else { throw truncated("the input ended inside an object") }
            guard bytes[position] == UInt8(ascii: ":") else { throw malformed("expected ':' after an object key") }
            position += 1
            members[key] = try readValue()
            if try readSeparator(closing: UInt8(ascii: "}"), container: "object") { return .object(members) }
        }
    }

    private mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue())
            if try readSeparator(closing: UInt8(ascii: "]"), container: "array") { return .array(elements) }
        }
    }

    /// After a member or element: consumes `,` (and a trailing `,` before the closer) or the closer itself.
    /// Returns true when the container is closed.
    private mutating func readSeparator(closing: UInt8, container: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw truncated("the input ended inside an \(container)") }
        let byte = bytes[position]
        if byte == closing {
            position += 1
            return true
        }
        guard byte == UInt8(ascii: ",") else {
            throw malformed("expected ',' or '\(Character(Unicode.Scalar(closing)))' in an \(container)")
        }
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == closing {
            position += 1
            return true
        }
        return false
    }

    private mutating func enterContainer() throws(JSONParseError) {
        guard depth < LenientJSONParser.maximumDepth else {
            throw malformed("nesting deeper than \(LenientJSONParser.maximumDepth) levels")
        }
        depth += 1
        position += 1
    }

    private mutating func readLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: count)
        for index in 0..<count {
            guard position + index < bytes.count else { throw truncated("the input ended inside a literal") }
            guard bytes[position + index] == expected[index] else {
                throw JSONParseError(offset: position + index, reason: "unknown literal")
            }
        }
        position += count
        return value
    }

    func truncated(_ reason: String) -> JSONParseError {
        JSONParseError(offset: bytes.count, reason: reason, isTruncated: true)
    }

    func malformed(_ reason: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? position, reason: reason)
    }

    /// Printable ASCII is shown quoted; anything else by its hex value, so a message never carries text.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 16 ? "0" : "")\(hex)"
    }
}

/// A position in one line of JSON, with the small steps the object parser is built from.
struct JSONCursor {
    let bytes: UnsafePointer<UInt8>
    let end: Int
    var index = 0

    init(_ line: UnsafeBufferPointer<UInt8>) {
        // A line is never empty here, but a pointer is needed even for an empty buffer.
        bytes = line.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = line.count
    }

    var isAtEnd: Bool { index == end }
    var current: UInt8 { index < end ? bytes[index] : 0 }

    func error(_ problem: String) -> JSONSyntaxError {
        JSONSyntaxError(column: index + 1, problem: problem)
    }

    mutating func skipWhitespace() {
        while index < end {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    mutating func expect(_ byte: UInt8, _ problem: String) throws(JSONSyntaxError) {
        guard current == byte else { throw error(problem) }
        index += 1
    }

    /// Steps over the rest of `word` (`true`, `false`, `null`) whose first byte is current.
    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard starts(with: word) else { throw error("unknown literal") }
        index += count
    }

    private func starts(with word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        return true
    }

    /// Whether a JSON value other than an object starts here: an array, a string, a number or a literal.
    var startsOtherValue: Bool {
        switch current {
        case 0x5B, 0x22, 0x2D, 0x30...0x39: return true
        case 0x74: return starts(with: "true")
        case 0x66: return starts(with: "false")
        case 0x6E: return starts(with: "null")
        default: return false
        }
    }

    /// Steps over a string whose opening quote is current; returns the content's range and whether it has
    /// escapes to decode.
    mutating func scanString() throws(JSONSyntaxError) -> (range: Range<Int>, hasEscapes: Bool) {
        index += 1
        let start = index
        var hasEscapes = false
        while index < end {
            skipPlainStringBytes()
            guard index < end else { break }
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return (start..<index - 1, hasEscapes)
            }
            if byte == 0x5C {
                hasEscapes = true
                index += 2
                continue
            }
            if byte < 0x20 { throw error("control character in a string") }
            index += 1
        }
        index = end
        throw error("unterminated string")
    }

    /// Steps to the next quote, backslash or control character, eight bytes at a time while none is near.
    /// A byte equal to the one sought becomes zero after XOR, and `(x - 0x01…) & ~x & 0x80…` marks the first
    /// zero byte of a word exactly; `(x - 0x20…) & ~x & 0x80…` likewise marks the first byte below 0x20.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quotes = word ^ 0x2222_2222_2222_2222
            let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let ones: UInt64 = 0x0101_0101_0101_0101
            let found =
                ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word)
                & 0x8080_8080_8080_8080
            if found != 0 {
                index += found.trailingZeroBitCount >> 3
                return
            }
            index += 8
        }
    }

    /// Steps over a number (JSON grammar) whose first byte is current; returns its text.
    mutating func scanNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = index
        if current == 0x2D { index += 1 }
        if current == 0x30 {
            index += 1
        } else {
            guard isDigit(current) else { throw error("invalid number") }
            skipDigits()
        }
        if current == 0x2E {
            index += 1
            guard isDigit(current) else { throw error("invalid number") }
            skipDigits()
        }
        if current | 0x20 == 0x65 {
            index += 1
            if current == 0x2B || current == 0x2D { index += 1 }
            guard isDigit(current) else { throw error("invalid number") }
            skipDigits()
        }
        return start..<index
    }

    /// Steps over an object or array whose opening bracket is current, without looking inside values.
    mutating func skipNested() throws(JSONSyntaxError) {
        var depth = 0
        while index < end {
            switch bytes[index] {
            case 0x22:
                _ = try scanString()
                continue
            case 0x7B, 0x5B:
                depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 {
                    index += 1
                    return
                }
            default:
                break
            }
            index += 1
        }
        throw error("unclosed object or array")
    }

    func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count)
    }

    private mutating func skipDigits() {
        while index < end && isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}

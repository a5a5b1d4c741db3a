/// Finds one CSV record (RFC 4180) in a window of bytes and where each of its fields lies.
///
/// The scanner keeps no state between calls: when the window ends inside a record it says so, and the
/// caller reads more and scans the same record again from its start. Records that straddle chunks are
/// rare (one per chunk), so rescanning them costs less than carrying a state machine through every byte.
struct CSVRecordScanner {
    /// Where one field's content lies in the window, without its quotes.
    struct Field {
        var start: Int
        var end: Int
        /// Quoted content with `""` in it, which has to be unescaped before use.
        var hasDoubledQuotes: Bool
    }

    enum Outcome: Equatable {
        /// A record; `fields` holds it and `next` is where the following one starts.
        case record(next: Int)
        /// An empty line (LF or CRLF), which holds no record.
        case blankLine(next: Int)
        /// The window ends inside the record; read more and scan again from the same start.
        case needMore
        /// Nothing is left.
        case endOfInput
        /// The file ends inside the quoted value of field `field` (0-based).
        case unterminatedQuote(field: Int)
    }

    private(set) var fields: [Field] = []
    /// Line feeds inside quoted values: the record spans this many more physical lines.
    private(set) var quotedLineFeeds = 0
    /// The first field (0-based) with text after its closing quote, which RFC 4180 does not allow.
    private(set) var textAfterQuote: Int?

    init() {
        fields.reserveCapacity(32)
    }

    /// Scans the record that starts at `from`. With `isAtEnd` the window holds the rest of the file, so
    /// its end also ends the last record.
    mutating func scan(_ bytes: UnsafePointer<UInt8>, from: Int, to end: Int, isAtEnd: Bool) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        quotedLineFeeds = 0
        textAfterQuote = nil
        var index = from
        guard index < end else { return isAtEnd ? .endOfInput : .needMore }
        if bytes[index] == lineFeed { return .blankLine(next: index + 1) }
        if bytes[index] == carriageReturn {
            if index + 1 == end { return isAtEnd ? .blankLine(next: end) : .needMore }
            if bytes[index + 1] == lineFeed { return .blankLine(next: index + 2) }
        }
        while true {
            var fieldStart = index
            if index < end && bytes[index] == quote {
                switch scanQuoted(bytes, from: index + 1, to: end, isAtEnd: isAtEnd) {
                case .needMore: return .needMore
                case .unterminated: return .unterminatedQuote(field: fields.count)
                case .closed(let closing, let hasDoubledQuotes):
                    let field = Field(start: index + 1, end: closing, hasDoubledQuotes: hasDoubledQuotes)
                    index = closing + 1
                    if index == end {
                        fields.append(field)
                        return .record(next: end)
                    }
                    switch bytes[index] {
                    case comma:
                        fields.append(field)
                        index += 1
                        continue
                    case lineFeed:
                        fields.append(field)
                        return .record(next: index + 1)
                    case carriageReturn where index + 1 == end:
                        guard isAtEnd else { return .needMore }
                        fields.append(field)
                        return .record(next: end)
                    case carriageReturn where bytes[index + 1] == lineFeed:
                        fields.append(field)
                        return .record(next: index + 2)
                    default:
                        // Text after the closing quote: the row is reported as invalid, but its end is
                        // still found by reading on as if the field were unquoted.
                        if textAfterQuote == nil { textAfterQuote = fields.count }
                        fieldStart = field.start
                    }
                }
            }
            index = nextDelimiter(bytes, from: index, to: end)
            if index == end {
                guard isAtEnd else { return .needMore }
                fields.append(unquoted(bytes, fieldStart, end))
                return .record(next: end)
            }
            if bytes[index] == comma {
                fields.append(Field(start: fieldStart, end: index, hasDoubledQuotes: false))
                index += 1
                continue
            }
            fields.append(unquoted(bytes, fieldStart, index))
            return .record(next: index + 1)
        }
    }

    private enum QuotedOutcome {
        case closed(at: Int, hasDoubledQuotes: Bool)
        case needMore
        case unterminated
    }

    /// Finds the quote that closes a value whose content starts at `from`, counting line feeds inside.
    private mutating func scanQuoted(
        _ bytes: UnsafePointer<UInt8>, from: Int, to end: Int, isAtEnd: Bool
    ) -> QuotedOutcome {
        var index = from
        var hasDoubledQuotes = false
        var lineFeeds = 0
        while true {
            while index < end {
                let byte = bytes[index]
                if byte == quote { break }
                if byte == lineFeed { lineFeeds += 1 }
                index += 1
            }
            if index == end { return isAtEnd ? .unterminated : .needMore }
            if index + 1 == end && !isAtEnd { return .needMore }
            if index + 1 < end && bytes[index + 1] == quote {
                hasDoubledQuotes = true
                index += 2
                continue
            }
            quotedLineFeeds += lineFeeds
            return .closed(at: index, hasDoubledQuotes: hasDoubledQuotes)
        }
    }

    /// The first comma or line feed at or after `from`, or `end`. Unquoted fields are most of the file, so
    /// this looks at eight bytes at a time: a byte equal to the one sought becomes zero after XOR, and
    /// `(x - 0x01…) & ~x & 0x80…` marks the first zero byte of a word exactly.
    @inline(__always)
    private func nextDelimiter(_ bytes: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var index = from
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let commas = word ^ 0x2C2C_2C2C_2C2C_2C2C
            let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
            let found =
                ((commas &- 0x0101_0101_0101_0101) & ~commas | (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds)
                & 0x8080_8080_8080_8080
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == comma || byte == lineFeed { return index }
            index += 1
        }
        return end
    }

    /// An unquoted field ending at a line end: a `\r` before it belongs to the line end, not the field.
    private func unquoted(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Field {
        let trimmed = end > start && bytes[end - 1] == carriageReturn ? end - 1 : end
        return Field(start: start, end: trimmed, hasDoubledQuotes: false)
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

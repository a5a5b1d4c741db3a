/// Finds the end of a record too long to hold, one chunk at a time, without keeping its bytes.
///
/// A stray quote early in a large file turns the rest of the file into one quoted value; buffering it to
/// find its end would hold the whole file in memory. The states mirror `CSVRecordScanner`: a quote only
/// opens a value at the start of a field, and text after a closing quote reads on as unquoted.
struct CSVRecordSkipper {
    enum Outcome: Equatable {
        /// The record ends just before `next`.
        case ended(next: Int)
        /// The bytes ran out inside the record; feed the next chunk.
        case needMore
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private var state = State.fieldStart
    /// Line feeds passed inside quoted values.
    private(set) var quotedLineFeeds = 0
    /// The field (0-based) being read.
    private(set) var field = 0

    /// Whether the file ended inside a quoted value (meaningful once the bytes are exhausted).
    var isInsideQuotes: Bool { state == .quoted }

    mutating func feed(_ bytes: UnsafePointer<UInt8>, from: Int, to end: Int) -> Outcome {
        var index = from
        while index < end {
            let byte = bytes[index]
            index += 1
            switch state {
            case .fieldStart:
                if byte == lineFeed { return .ended(next: index) }
                state = byte == quote ? .quoted : byte == comma ? .fieldStart : .unquoted
                if byte == comma { field += 1 }
            case .unquoted:
                if byte == lineFeed { return .ended(next: index) }
                if byte == comma {
                    state = .fieldStart
                    field += 1
                }
            case .quoted:
                if byte == quote { state = .quoteInQuoted }
                if byte == lineFeed { quotedLineFeeds += 1 }
            case .quoteInQuoted:
                if byte == lineFeed { return .ended(next: index) }
                state = byte == quote ? .quoted : byte == comma ? .fieldStart : .unquoted
                if byte == comma { field += 1 }
            }
        }
        return .needMore
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lineFeed = UInt8(ascii: "\n")

/// Splits a buffer of EventBridge events into top-level values, whatever the layout (reference §7):
/// NDJSON, Firehose's concatenated `{...}{...}` with no delimiter, pretty-printed objects separated by
/// whitespace, a single object, or a JSON array whose elements are the events.
///
/// Values are parsed in place, one at a time, so multi-megabyte buffers are never copied. Damage does not stop
/// the stream: a malformed span is reported and splitting resumes at the next plausible value. A value cut off
/// by the end of a growing file is left unconsumed (when `isFinal` is false) so the next poll can finish it.
///
/// ```swift
/// var splitter = EventStreamSplitter(bytes: buffer, firstLine: cursor.line, isFinal: false)
/// while let item = splitter.next() { ... }
/// cursor.advance(by: splitter.consumed, line: splitter.lineAtConsumed)
/// ```
///
/// Between values, commas, `]` and RFC 7464 record separators are skipped like whitespace. That is what lets a
/// caller resume in the middle of an array: the remainder `,{...},{...}]` splits like a stream.
public struct EventStreamSplitter {
    let bytes: UnsafeRawBufferPointer
    private let isFinal: Bool
    private var lines: LineCounter
    /// Inside a top-level `[`: commas rather than line breaks separate the elements.
    private(set) var insideArray = false
    /// An unfinished value was found at the end; nothing more can come out of this buffer.
    private var waitingForMore = false

    /// Bytes consumed so far: everything before this offset is fully processed (values and malformed spans).
    public private(set) var consumed: Int
    /// Line number (1-based) at `consumed`.
    public private(set) var lineAtConsumed: Int

    public init(bytes: UnsafeRawBufferPointer, firstLine: Int = 1, isFinal: Bool) {
        self.bytes = bytes
        self.isFinal = isFinal
        self.lines = LineCounter(line: firstLine)
        self.consumed = ByteOrderMark.length(at: bytes)
        self.lineAtConsumed = firstLine
    }

    /// Next item, or nil when the buffer is exhausted or only an unfinished value remains (when !isFinal).
    public mutating func next() -> EventStreamItem? {
        guard !waitingForMore else { return nil }
        let start = skipSeparators(from: consumed)
        advance(to: start)
        guard start < bytes.count else { return nil }
        let line = lineAtConsumed
        do throws(JSONParseError) {
            let (value, end) = try LenientJSONParser.parseValue(bytes, from: start)
            if !isFinal, end == bytes.count, case .number = value {
                // More digits may still arrive; objects and strings end on an unambiguous byte.
                waitingForMore = true
                return nil
            }
            advance(to: end)
            return .value(value, line: line, offset: start)
        } catch {
            if error.isTruncated {
                guard isFinal else {
                    waitingForMore = true
                    return nil
                }
                advance(to: bytes.count)
                return .malformed(
                    reason: "the value is unfinished at the end of the input",
                    line: line, offset: start, excerpt: excerpt(from: start, to: bytes.count))
            }
            let resume = resynchronisationPoint(after: start)
            advance(to: resume)
            return .malformed(
                reason: error.reason, line: line, offset: start, excerpt: excerpt(from: start, to: resume))
        }
    }

    private mutating func skipSeparators(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09, 0x1E, UInt8(ascii: ","):
                break
            case UInt8(ascii: "[") where !insideArray:
                insideArray = true
            case UInt8(ascii: "]"):
                insideArray = false
            default:
                return index
            }
            index += 1
        }
        return index
    }

    private mutating func advance(to offset: Int) {
        consumed = offset
        lineAtConsumed = lines.line(at: offset, in: bytes)
    }

    private func excerpt(from start: Int, to end: Int) -> [UInt8] {
        Array(bytes[start..<min(end, start + 64)])
    }
}

/// Turns offsets into line numbers by counting line breaks once, moving forward only.
private struct LineCounter {
    private var offset = 0
    private var line: Int

    init(line: Int) {
        self.line = line
    }

    mutating func line(at target: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var breaks = 0
        var index = offset
        while index < target {
            if bytes[index] == 0x0A { breaks += 1 }
            index += 1
        }
        offset = max(offset, target)
        line += breaks
        return line
    }
}

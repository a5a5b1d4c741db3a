/// A byte-level JSON parser that accepts what AHI tooling actually writes.
///
/// Foundation's decoders reject Python-style `True`/`False`/`None` (the AHI documentation prints them), cannot
/// say "this value is merely unfinished", and copy the input. This parser works in place on a buffer, so the
/// event splitter can walk a multi-megabyte file value by value without copying it.
///
/// Beyond strict JSON it accepts: `True`, `False`, `None`, `NaN`, `Infinity`, `-Infinity`, a trailing comma
/// before `]` or `}`, leading zeros in numbers and raw tabs in strings. Invalid UTF-8 and lone surrogate
/// escapes become U+FFFD rather than errors, so one odd file name never hides a whole record. Other raw
/// control characters in strings are rejected: a line break inside a string means a record was cut short.
///
/// ```swift
/// let value = try LenientJSONParser.parseDocument(Array(#"{"isPrimary": True}"#.utf8))
/// value["isPrimary"]?.bool  // true
/// ```
public enum LenientJSONParser {
    /// Deeper nesting is refused, so hostile input cannot overflow the stack. AHI documents nest four deep.
    public static let maximumDepth = 512

    /// Skips leading whitespace, parses exactly one value and returns the offset just past it.
    public static func parseValue(
        _ bytes: UnsafeRawBufferPointer, from offset: Int
    ) throws(JSONParseError) -> (value: JSONValue, end: Int) {
        var reader = JSONReader(bytes: bytes, position: offset)
        let value = try reader.readValue()
        return (value, reader.position)
    }

    /// Parses a whole document: one value with only whitespace around it. A leading UTF-8 byte order mark,
    /// which Windows editors add to saved files, is skipped.
    public static func parseDocument(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, position: ByteOrderMark.length(at: bytes))
        let value = try reader.readValue()
        reader.skipWhitespace()
        guard reader.position == bytes.count else {
            throw JSONParseError(offset: reader.position, reason: "unexpected data after the end of the value")
        }
        return value
    }

    public static func parseDocument(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { raw -> Result<JSONValue, JSONParseError> in
            do throws(JSONParseError) {
                return .success(try parseDocument(raw))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// The UTF-8 byte order mark `EF BB BF`.
enum ByteOrderMark {
    /// 3 when `bytes` starts with a byte order mark, else 0.
    static func length(at bytes: UnsafeRawBufferPointer) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}

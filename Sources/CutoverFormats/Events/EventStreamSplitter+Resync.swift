extension EventStreamSplitter {
    /// Where splitting resumes after a malformed value that starts at `start`.
    ///
    /// In a stream, each line is a record of its own (NDJSON), so the next line is the restart point, unless it
    /// is indented, which means the damaged value is pretty-printed and spans several lines. Otherwise the
    /// restart point is the next `{` that begins a line or follows a `}` (Firehose's `}{` seam), or, inside an
    /// array, follows a `,`; and that actually parses (or is merely unfinished). Nested objects follow a `:`,
    /// so they are not mistaken for events.
    func resynchronisationPoint(after start: Int) -> Int {
        var index = start + 1
        var previous = bytes[start]
        var lineHasContent = true
        var sawLineBreak = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                if !sawLineBreak, !insideArray, index + 1 < bytes.count, !JSONReader.isWhitespace(bytes[index + 1]) {
                    return index + 1
                }
                sawLineBreak = true
                lineHasContent = false
            } else if !JSONReader.isWhitespace(byte) {
                let plausible =
                    !lineHasContent || previous == UInt8(ascii: "}")
                    || (insideArray && previous == UInt8(ascii: ","))
                if byte == UInt8(ascii: "{"), plausible, startsValue(at: index) { return index }
                previous = byte
                lineHasContent = true
            }
            index += 1
        }
        return bytes.count
    }

    private func startsValue(at offset: Int) -> Bool {
        do throws(JSONParseError) {
            _ = try LenientJSONParser.parseValue(bytes, from: offset)
            return true
        } catch {
            return error.isTruncated
        }
    }
}

/// One top-level piece of an event file, as found by ``EventStreamSplitter``.
///
/// Offsets are relative to the buffer the splitter was given; lines count from its `firstLine`.
public enum EventStreamItem: Equatable, Sendable {
    /// A complete value whose first byte is at `offset`, on `line`.
    case value(JSONValue, line: Int, offset: Int)
    /// A span that is not JSON, starting at `offset`. `excerpt` holds at most its first 64 bytes, for quarantine.
    case malformed(reason: String, line: Int, offset: Int, excerpt: [UInt8])
}

/// Why ``LenientJSONParser`` stopped.
///
/// A file that is still being written ends in the middle of its last value. That is not damage: the caller
/// should wait for the next poll. `isTruncated` tells the two apart, so only real damage is quarantined.
public struct JSONParseError: Error, Equatable, Sendable {
    /// Byte offset (from the start of the buffer) where the problem was found.
    public var offset: Int
    /// One plain sentence. It never quotes the input beyond a single punctuation character.
    public var reason: String
    /// The input ended before the value was complete; more bytes could still make it valid.
    public var isTruncated: Bool

    public init(offset: Int, reason: String, isTruncated: Bool = false) {
        self.offset = offset
        self.reason = reason
        self.isTruncated = isTruncated
    }
}

extension JSONParseError: CustomStringConvertible {
    public var description: String { "\(reason) (byte \(offset))" }
}

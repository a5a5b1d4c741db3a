/// The bytes of a representation to ask for, sent as a `Range: bytes=…` header.
///
/// Both bounds are inclusive, as in HTTP, so `HTTPByteRange(0...99)` asks for the first 100 bytes and
/// `HTTPByteRange(from: 1_000)` for everything from byte 1000 on.
public struct HTTPByteRange: Sendable, Equatable {
    public let first: UInt64
    /// The last byte wanted (inclusive), or `nil` for "to the end".
    public let last: UInt64?

    public init(_ range: ClosedRange<UInt64>) {
        first = range.lowerBound
        last = range.upperBound
    }

    /// An empty half-open range cannot be expressed in HTTP, so it is a programming error.
    public init(_ range: Range<UInt64>) {
        precondition(!range.isEmpty, "an HTTP byte range cannot be empty")
        first = range.lowerBound
        last = range.upperBound - 1
    }

    public init(from first: UInt64) {
        self.first = first
        last = nil
    }

    /// The value of the `Range` header: `bytes=a-b` or `bytes=a-`.
    public var headerValue: String {
        if let last { "bytes=\(first)-\(last)" } else { "bytes=\(first)-" }
    }
}

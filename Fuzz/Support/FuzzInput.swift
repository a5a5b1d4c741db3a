/// Reads control values off the front of a fuzzer's input, so one input chooses both the bytes a parser sees
/// and how they are cut into chunks; the rest of the input is the document itself.
public struct FuzzInput {
    public private(set) var bytes: UnsafeRawBufferPointer

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    /// The first byte (0 when there is none), removed from the input.
    public mutating func takeByte() -> UInt8 {
        guard let first = bytes.first else { return 0 }
        bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        return first
    }
}

extension FuzzInput {
    /// The input as text, or nil when it is not valid UTF-8: the loaders read files with
    /// `String(contentsOfFile:encoding: .utf8)`, which refuses such files before any parsing.
    public var utf8Text: String? {
        String(validating: bytes, as: UTF8.self)
    }
}

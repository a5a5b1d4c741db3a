/// What a (decompressed) file holds, guessed from its first value's keys, so a folder of saved outputs can be
/// routed to the right decoder without trusting file names.
public enum DocumentKind: Equatable, Sendable {
    /// `job-output-manifest.json`: `{"jobSummary": ...}`.
    case jobManifest
    /// A `ListDICOMImportJobs` response: `jobSummaries` or `nextToken`.
    case jobList
    /// A `GetDICOMImportJob` response: `jobProperties`.
    case jobDetail
    /// EventBridge events in any layout ``EventStreamSplitter`` reads.
    case events
    case unknown

    /// Classifies from the first few KB. The first recognised top-level key of the first value decides, so a
    /// prefix that cuts a long value short still classifies. Whitespace and a UTF-8 byte order mark are skipped.
    public static func classify(prefix: UnsafeRawBufferPointer) -> DocumentKind {
        var scanner = KeyScanner(bytes: prefix, position: ByteOrderMark.length(at: prefix))
        scanner.skipWhitespace()
        guard let first = scanner.peek() else { return .unknown }
        if first == UInt8(ascii: "[") { return .events }
        guard first == UInt8(ascii: "{") else { return .unknown }
        scanner.position += 1
        while let key = scanner.nextKey() {
            if let kind = kind(forKey: key) { return kind }
            guard scanner.skipValue() else { return .unknown }
        }
        return .unknown
    }

    private static func kind(forKey key: UnsafeRawBufferPointer) -> DocumentKind? {
        switch String(decoding: key, as: UTF8.self) {
        case "jobSummary": .jobManifest
        case "jobSummaries", "nextToken": .jobList
        case "jobProperties": .jobDetail
        case "version", "detail-type", "source": .events
        default: nil
        }
    }
}

/// Walks the top level of one object without building values, tolerating the end of a prefix anywhere.
private struct KeyScanner {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count, JSONReader.isWhitespace(bytes[position]) { position += 1 }
    }

    /// The raw bytes of the next key (escapes left as written), positioned after its `:`; nil at the end of the
    /// object or of the prefix.
    mutating func nextKey() -> UnsafeRawBufferPointer? {
        while let byte = peek(), JSONReader.isWhitespace(byte) || byte == UInt8(ascii: ",") { position += 1 }
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        guard skipString() else { return nil }
        let key = UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)])
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return nil }
        position += 1
        return key
    }

    /// Skips one value of any kind; false when the prefix ends first.
    mutating func skipValue() -> Bool {
        skipWhitespace()
        var depth = 0
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 {
                    position += 1
                    return true
                }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            default:
                break
            }
            position += 1
        }
        return false
    }

    /// From an opening quote to just past the closing one; false when the prefix ends first.
    private mutating func skipString() -> Bool {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""):
                position += 1
                return true
            default: position += 1
            }
        }
        return false
    }
}

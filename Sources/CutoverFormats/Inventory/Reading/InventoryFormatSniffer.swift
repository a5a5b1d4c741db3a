/// Decides whether a file is CSV or NDJSON from its name and its first bytes, and where its text starts.
struct InventoryFormatSniffer {
    var format: InventoryReader.Format
    /// The offset after a UTF-8 byte order mark, or 0.
    var textOffset: Int64

    /// How much of the file is looked at: enough to see past leading blank lines and to catch a binary
    /// file, small enough to cost nothing.
    static let sampleSize = 64 << 10

    /// `sample` is the start of the file at `path`.
    init(path: String, sample: [UInt8]) throws(InventoryFileError) {
        if sample.contains(0) {
            let reason = "the file is neither CSV nor NDJSON: it has NUL bytes, as binary files and UTF-16 text do"
            throw InventoryFileError(path: path, reason: reason)
        }
        let hasByteOrderMark = sample.starts(with: [0xEF, 0xBB, 0xBF])
        textOffset = hasByteOrderMark ? 3 : 0
        let firstText = sample.dropFirst(Int(textOffset)).first { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }
        let fileExtension = path.split(separator: "/").last?.split(separator: ".", omittingEmptySubsequences: false)
        let suffix = (fileExtension?.count ?? 0) > 1 ? fileExtension?.last?.lowercased() : nil
        switch suffix {
        case "csv":
            format = .csv
        case "ndjson", "jsonl", "json":
            format = .ndjson
            if let firstText, firstText != UInt8(ascii: "{") {
                throw InventoryFileError(
                    path: path, reason: "the file is not NDJSON: it does not start with a JSON object")
            }
        default:
            format = firstText == UInt8(ascii: "{") ? .ndjson : .csv
        }
    }
}

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Reads an inventory NDJSON file line by line, turning each object into a record.
struct NDJSONRowReader {
    /// The file offset of the first line (after a byte order mark).
    let rowsOffset: Int64
    private let maxRecordBytes: Int
    private var parser = JSONObjectParser()
    private var builder = InventoryRecordBuilder(noun: "key")

    init(rowsOffset: Int64, maxRecordBytes: Int) {
        self.rowsOffset = rowsOffset
        self.maxRecordBytes = maxRecordBytes
    }

    /// Streams the objects on the first `maxLines` lines to `row` or `invalid`, with their line numbers.
    /// Lines that are blank are skipped; `unknownKey` gets every key that is not an interchange column.
    mutating func read(
        _ file: ChunkedFile, maxLines: Int = .max, row: (InventoryRecord, Int) throws -> Void,
        invalid: (Int, String) throws -> Void, unknownKey: ((String) -> Void)? = nil
    ) throws {
        file.rewind(to: rowsOffset)
        var line = 0
        while line < maxLines {
            let remaining = file.remaining
            let start = file.bytes + file.start
            let lineEnd: Int
            if let found = memchr(start, 0x0A, remaining) {
                lineEnd = file.start + (UnsafeRawPointer(found) - UnsafeRawPointer(start))
            } else if !file.isAtEnd {
                if remaining >= maxRecordBytes {
                    line += 1
                    try skipLongLine(file)
                    try invalid(line, tooLong)
                } else {
                    try file.refill()
                }
                continue
            } else if remaining > 0 {
                lineEnd = file.end
            } else {
                return
            }
            line += 1
            var content = UnsafeBufferPointer(start: start, count: lineEnd - file.start)
            if content.last == 0x0D { content = UnsafeBufferPointer(rebasing: content.dropLast()) }
            let lineLength = min(lineEnd + 1, file.end) - file.start
            file.start += lineLength
            // Whether a long line is found whole depends on where the chunks fall; its reason must not.
            if lineLength > maxRecordBytes {
                try invalid(line, tooLong)
                continue
            }
            if content.isBlank { continue }
            builder.startRow()
            do {
                try parser.parse(content, into: &builder, unknownKey: unknownKey)
            } catch {
                try invalid(line, error.reason)
                continue
            }
            if let record = builder.finishRow() {
                try row(record, line)
            } else {
                try invalid(line, builder.problem ?? "the line is invalid")
            }
        }
    }

    private var tooLong: String { "the line is longer than \(maxRecordBytes) bytes" }

    /// Reads past the rest of a line too long to hold, keeping none of it.
    private func skipLongLine(_ file: ChunkedFile) throws {
        while true {
            if let found = memchr(file.bytes + file.start, 0x0A, file.remaining) {
                file.start = UnsafeRawPointer(found) - UnsafeRawPointer(file.bytes) + 1
                return
            }
            file.start = file.end
            if file.isAtEnd { return }
            try file.refill()
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Empty or only JSON whitespace.
    fileprivate var isBlank: Bool {
        for byte in self where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }
}

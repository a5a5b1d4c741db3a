/// Reads an inventory CSV: the header once, then every row, turning fields into records.
struct CSVRowReader {
    let header: CSVHeader
    /// The file offset and line number just after the header, where the rows start.
    let rowsOffset: Int64
    let rowsLine: Int
    private let maxRecordBytes: Int
    private var scanner = CSVRecordScanner()
    private var builder = InventoryRecordBuilder(noun: "column")
    /// Holds a quoted value while its doubled quotes are undone.
    private var unescaped: [UInt8] = []

    /// Reads the header: the first record that is not a blank line, starting at `offset`.
    init(file: ChunkedFile, offset: Int64, maxRecordBytes: Int) throws(InventoryFileError) {
        self.maxRecordBytes = maxRecordBytes
        file.rewind(to: offset)
        var line = 1
        var names: [String]?
        while names == nil {
            switch scanner.scan(file.bytes, from: file.start, to: file.end, isAtEnd: file.isAtEnd) {
            case .needMore:
                guard file.remaining < maxRecordBytes else {
                    throw InventoryFileError(path: file.path, line: line, reason: "the header row is too long")
                }
                try file.refill()
            case .endOfInput:
                throw InventoryFileError(path: file.path, reason: "the file is empty: it has no header row")
            case .unterminatedQuote:
                throw InventoryFileError(path: file.path, line: line, reason: "the header row has an unclosed quote")
            case .blankLine(let next):
                file.start = next
                line += 1
            case .record(let next):
                guard scanner.textAfterQuote == nil else {
                    throw InventoryFileError(
                        path: file.path, line: line, reason: "the header row has text after a closing quote")
                }
                names = scanner.fields.map { field in
                    let text = UnsafeBufferPointer(start: file.bytes + field.start, count: field.end - field.start)
                    let name = String(decoding: text, as: UTF8.self)
                    return field.hasDoubledQuotes ? name.replacing("\"\"", with: "\"") : name
                }
                file.start = next
                line += 1 + scanner.quotedLineFeeds
            }
        }
        let headerLine = line - 1 - scanner.quotedLineFeeds
        header = try CSVHeader(names: names ?? []) { reason in
            InventoryFileError(path: file.path, line: headerLine, reason: reason)
        }
        rowsOffset = file.fileOffset(at: file.start)
        rowsLine = line
    }

    /// Streams every row after the header to `row` or `invalid`, with the line where it starts.
    mutating func read(
        _ file: ChunkedFile, row: (InventoryRecord, Int) throws -> Void, invalid: (Int, String) throws -> Void
    ) throws {
        file.rewind(to: rowsOffset)
        var line = rowsLine
        while true {
            switch scanner.scan(file.bytes, from: file.start, to: file.end, isAtEnd: file.isAtEnd) {
            case .needMore:
                if file.remaining >= maxRecordBytes {
                    let (reason, quotedLineFeeds) = try skipLongRecord(file)
                    try invalid(line, reason)
                    line += 1 + quotedLineFeeds
                } else {
                    try file.refill()
                }
            case .endOfInput:
                return
            case .blankLine(let next):
                file.start = next
                line += 1
            case .unterminatedQuote(let field):
                file.start = file.end
                try invalid(line, neverClosed(field))
            case .record(let next):
                // Whether a long row is found whole depends on where the chunks fall; its reason must not.
                if next - file.start > maxRecordBytes {
                    try invalid(line, tooLong)
                } else if let reason = check() {
                    try invalid(line, reason)
                } else if let record = build(file.bytes) {
                    try row(record, line)
                } else {
                    try invalid(line, builder.problem ?? "the row is invalid")
                }
                file.start = next
                line += 1 + scanner.quotedLineFeeds
            }
        }
    }

    /// A problem with the row's shape, found before any value is looked at.
    private func check() -> String? {
        let count = scanner.fields.count
        if count != header.columns.count {
            let fields = count == 1 ? "1 field" : "\(count) fields"
            return "the row has \(fields) but the header has \(header.columns.count)"
        }
        if let field = scanner.textAfterQuote { return "\(describe(field)) has text after its closing quote" }
        return nil
    }

    private mutating func build(_ bytes: UnsafePointer<UInt8>) -> InventoryRecord? {
        builder.startRow()
        for (position, field) in scanner.fields.enumerated() {
            guard let column = header.columns[position] else { continue }
            let text = UnsafeBufferPointer(start: bytes + field.start, count: field.end - field.start)
            if field.hasDoubledQuotes {
                unescaped.removeAll(keepingCapacity: true)
                var afterQuote = false
                for byte in text {
                    if byte == UInt8(ascii: "\"") && afterQuote {
                        afterQuote = false
                        continue
                    }
                    afterQuote = byte == UInt8(ascii: "\"")
                    unescaped.append(byte)
                }
                unescaped.withUnsafeBufferPointer { builder.set(column, text: $0) }
            } else {
                builder.set(column, text: text)
            }
        }
        return builder.finishRow()
    }

    /// Reads past a record longer than `maxRecordBytes`, keeping none of it.
    private func skipLongRecord(_ file: ChunkedFile) throws -> (reason: String, quotedLineFeeds: Int) {
        var skipper = CSVRecordSkipper()
        while true {
            switch skipper.feed(file.bytes, from: file.start, to: file.end) {
            case .ended(let next):
                file.start = next
                return (tooLong, skipper.quotedLineFeeds)
            case .needMore:
                file.start = file.end
                if file.isAtEnd {
                    let reason = skipper.isInsideQuotes ? neverClosed(skipper.field) : tooLong
                    return (reason, skipper.quotedLineFeeds)
                }
                try file.refill()
            }
        }
    }

    private var tooLong: String { "the row is longer than \(maxRecordBytes) bytes" }

    private func neverClosed(_ field: Int) -> String { "\(describe(field)) opens a quote that is never closed" }

    /// "column 3 (series_instance_uid)": the position a reader of the file can count to, and the name.
    private func describe(_ field: Int) -> String {
        if field < header.columns.count, let column = header.columns[field] {
            return "column \(field + 1) (\(column.name))"
        }
        return "column \(field + 1)"
    }
}

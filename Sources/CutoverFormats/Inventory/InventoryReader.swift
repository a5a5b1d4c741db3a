/// Streams the rows of a source inventory: CSV with a header row, or NDJSON with one object per line,
/// both with the interchange columns of the product spec.
///
/// The file is read in large chunks and never held whole, so memory stays flat for any size. Rows that
/// cannot be used are reported with their line number and reading goes on; only a file that cannot be
/// read at all is an error.
///
/// ```swift
/// var reader = try InventoryReader(path: "source-inventory.csv")
/// try reader.read({ record, line in store(record) }, invalid: { line, reason in warn(line, reason) })
/// ```
public struct InventoryReader {
    public enum Format: Sendable {
        case csv, ndjson
    }

    private enum Rows {
        case csv(CSVRowReader)
        case ndjson(NDJSONRowReader)
    }

    public let format: Format
    /// Header names that are not interchange columns (CSV) — for the one notice. For NDJSON, unknown keys
    /// seen in the first 1,000 lines.
    public let unknownColumns: [String]
    private let file: ChunkedFile
    private var rows: Rows

    /// Opens the file; decides the format by extension (.csv → csv; .ndjson/.jsonl/.json → ndjson) or,
    /// failing that, by the first non-blank byte (`{` → ndjson). For CSV, reads and checks the header row
    /// now: a missing required column is an InventoryFileError naming the column.
    public init(path: String) throws(InventoryFileError) {
        try self.init(path: path, readSize: 4 << 20, maxRecordBytes: 1 << 20)
    }

    /// `readSize` is the most one read asks for; tests make it tiny to split records across reads.
    /// A record longer than `maxRecordBytes` is reported as invalid without being held in memory.
    init(path: String, readSize: Int, maxRecordBytes: Int) throws(InventoryFileError) {
        file = try ChunkedFile(path: path, readSize: readSize)
        let sniffer = try InventoryFormatSniffer(path: path, sample: try file.sample(InventoryFormatSniffer.sampleSize))
        format = sniffer.format
        switch sniffer.format {
        case .csv:
            let reader = try CSVRowReader(file: file, offset: sniffer.textOffset, maxRecordBytes: maxRecordBytes)
            unknownColumns = reader.header.unknownNames
            rows = .csv(reader)
        case .ndjson:
            var reader = NDJSONRowReader(rowsOffset: sniffer.textOffset, maxRecordBytes: maxRecordBytes)
            var unknown: [String] = []
            do {
                try reader.read(
                    file, maxLines: 1_000, row: { _, _ in }, invalid: { _, _ in },
                    unknownKey: { key in if !unknown.contains(key) { unknown.append(key) } })
            } catch let error as InventoryFileError {
                throw error
            } catch {
                preconditionFailure("the callbacks above do not throw")
            }
            unknownColumns = unknown
            rows = .ndjson(reader)
        }
    }

    /// Streams every row: `row` gets each good record and its 1-based line number (for CSV, the line
    /// where the record starts); `invalid` gets the line and a reason for each bad row (wrong field count,
    /// empty required field, non-numeric number_of_frames/size_bytes, invalid JSON, missing required key,
    /// …), and reading goes on. Errors reading the file itself throw.
    ///
    /// Each call reads the file from its first row again.
    public mutating func read(
        _ row: (InventoryRecord, Int) throws -> Void, invalid: (Int, String) throws -> Void
    ) throws {
        switch rows {
        case .csv(var reader):
            try reader.read(file, row: row, invalid: invalid)
            rows = .csv(reader)
        case .ndjson(var reader):
            try reader.read(file, row: row, invalid: invalid)
            rows = .ndjson(reader)
        }
    }
}

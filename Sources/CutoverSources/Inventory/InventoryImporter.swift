import CutoverFormats
import CutoverStore

/// `cutover inventory import`: a CSV or NDJSON inventory, streamed into the store in one transaction
/// together with the file's cursor, so an interrupted import leaves nothing half-done and a rerun (or a
/// second import of the same file) ends in the same state.
public final class InventoryImporter {
    public struct Report: Sendable {
        public var records = 0
        /// Bad rows by line (the first thousand), and how many there were.
        public var invalid: [(line: Int, reason: String)] = []
        public var invalidCount = 0
        public var unknownColumns: [String] = []
        /// The file had not changed since it was last imported.
        public var unchanged = false
    }

    let database: CutoverDatabase

    public init(database: CutoverDatabase) {
        self.database = database
    }

    /// Imports `path`; with `onlyIfChanged`, a file whose size and mtime match its last import is skipped.
    public func importFile(_ path: String, onlyIfChanged: Bool = false) throws -> Report {
        var report = Report()
        guard let file = FolderScanner.file(at: path) else {
            throw FileReadError(path: path, reason: "no such file")
        }
        if onlyIfChanged, let cursor = try database.fileCursors()[file.path],
            cursor.size == file.size, cursor.mtimeNanoseconds == file.mtimeNanoseconds
        {
            report.unchanged = true
            return report
        }
        let reader = try InventoryReader(path: path)
        report.unknownColumns = reader.unknownColumns
        // The file is read and parsed on a second thread while this one writes (HandOff).
        let handed = Handed(value: reader)
        let batches = HandOff<InventoryBatch, Void> { handOff in
            var reader = handed.value
            var batch = InventoryBatch()
            try reader.read(
                { record, _ in
                    batch.records.append(record)
                    if batch.records.count == InventoryBatch.size {
                        try handOff.put(batch)
                        batch = InventoryBatch()
                    }
                },
                invalid: { line, reason in batch.invalid.append((line, reason)) })
            if !batch.records.isEmpty || !batch.invalid.isEmpty { try handOff.put(batch) }
        }
        defer { batches.cancel() }
        // Past a few MB (tens of thousands of rows) rebuilding the indexes once is cheaper than keeping them.
        try database.inventory(bulk: file.size > 8 << 20) { writer in
            while let batch = try batches.next() {
                try writer.add(batch.records)
                report.records += batch.records.count
                for (line, reason) in batch.invalid {
                    report.invalidCount += 1
                    if report.invalid.count < 1000 { report.invalid.append((line, reason)) }
                }
            }
            try writer.saveCursor(
                FileCursor(
                    path: file.path, kind: "inventory", size: file.size, mtimeNanoseconds: file.mtimeNanoseconds,
                    offset: file.size))
        }
        return report
    }
}

/// Rows of an inventory file as the reading thread hands them over: good records in file order (packed, see
/// `PackedInventoryRecords`), and the bad rows met while reading them.
struct InventoryBatch: Sendable {
    static let size = 512

    var records = PackedInventoryRecords(capacity: Self.size)
    var invalid: [(line: Int, reason: String)] = []
}

import Foundation

@testable import CutoverFormats

/// A row as the reader reported it.
struct ReadRow: Equatable, CustomStringConvertible {
    var line: Int
    var record: InventoryRecord

    var description: String { "\(line): \(record)" }
}

/// A rejected row as the reader reported it.
struct InvalidRow: Equatable, CustomStringConvertible {
    var line: Int
    var reason: String

    init(_ line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    var description: String { "\(line): \(reason)" }
}

/// Everything one read of a file produced.
struct ReadOutcome: Equatable {
    var format: InventoryReader.Format
    var unknownColumns: [String]
    var rows: [ReadRow]
    var invalid: [InvalidRow]

    var records: [InventoryRecord] { rows.map(\.record) }
    var lines: [Int] { rows.map(\.line) }
}

/// Writes test inventories to a fresh temporary folder and reads them back.
enum InventoryFile {
    /// Writes `bytes` as `name` in a folder of its own and returns the path.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("inventory-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// Reads `text` as a file called `name`; a small `readSize` splits it across many reads.
    static func read(
        _ text: String, name: String = "inventory.csv", readSize: Int = 4 << 20, maxRecordBytes: Int = 1 << 20
    ) throws -> ReadOutcome {
        try read(bytes: Array(text.utf8), name: name, readSize: readSize, maxRecordBytes: maxRecordBytes)
    }

    static func read(
        bytes: [UInt8], name: String = "inventory.csv", readSize: Int = 4 << 20, maxRecordBytes: Int = 1 << 20
    ) throws -> ReadOutcome {
        let path = try write(bytes, name: name)
        defer { remove(path) }
        var reader = try InventoryReader(path: path, readSize: readSize, maxRecordBytes: maxRecordBytes)
        var outcome = ReadOutcome(format: reader.format, unknownColumns: reader.unknownColumns, rows: [], invalid: [])
        try reader.read(
            { record, line in outcome.rows.append(ReadRow(line: line, record: record)) },
            invalid: { line, reason in outcome.invalid.append(InvalidRow(line, reason)) })
        return outcome
    }

    /// The error opening `text` as `name` throws, with the path shortened to the file name.
    static func openingError(_ text: String, name: String = "inventory.csv") throws -> String? {
        try openingError(bytes: Array(text.utf8), name: name)
    }

    static func openingError(bytes: [UInt8], name: String = "inventory.csv") throws -> String? {
        let path = try write(bytes, name: name)
        defer { remove(path) }
        do {
            _ = try InventoryReader(path: path)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: path, with: name)
        }
    }
}

/// The four required columns, for tables that need no more.
let requiredHeader = "input_key,study_instance_uid,series_instance_uid,sop_instance_uid"

extension InventoryRecord {
    /// A record with only the identity columns: `key` and UIDs made from `n`.
    static func identity(_ key: String, _ n: Int = 1) -> InventoryRecord {
        InventoryRecord(
            inputKey: key, studyInstanceUID: "1.\(n)", seriesInstanceUID: "1.\(n).2", sopInstanceUID: "1.\(n).2.3")
    }

    /// The same record with a patient name.
    func named(_ name: String?) -> InventoryRecord {
        var copy = self
        copy.patientName = name
        return copy
    }
}

/// `key,1.n,1.n.2,1.n.2.3`: the CSV row of `InventoryRecord.identity(key, n)`.
func identityRow(_ key: String, _ n: Int = 1) -> String { "\(key),1.\(n),1.\(n).2,1.\(n).2.3" }

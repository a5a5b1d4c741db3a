import Testing

@testable import CutoverFormats

@Suite("Format detection")
struct FormatTests {
    static let csv = "\(requiredHeader)\n\(identityRow("a"))\n"
    static let ndjson =
        #"{"input_key":"a","study_instance_uid":"1.1","series_instance_uid":"1.1.2","sop_instance_uid":"1.1.2.3"}"#

    @Test(
        "the extension decides, then the first byte that is not blank",
        arguments: [
            ("inventory.csv", csv, InventoryReader.Format.csv),
            ("INVENTORY.CSV", csv, .csv),
            ("inventory.ndjson", ndjson, .ndjson),
            ("inventory.jsonl", ndjson, .ndjson),
            ("inventory.json", "\n  \(ndjson)", .ndjson),
            ("inventory.txt", ndjson, .ndjson),
            ("inventory", "\u{FEFF}\r\n\t\(ndjson)\n", .ndjson),
            ("inventory.txt", csv, .csv),
            ("inventory.2024.export", csv, .csv),
        ])
    func detect(_ name: String, _ text: String, _ format: InventoryReader.Format) throws {
        let outcome = try InventoryFile.read(text, name: name)
        #expect(outcome.format == format)
        #expect(outcome.records == [.identity("a")])
        #expect(outcome.invalid.isEmpty)
    }

    struct Neither: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var error: String
        var testDescription: String { name }
    }

    static let binary = "the file is neither CSV nor NDJSON: it has NUL bytes, as binary files and UTF-16 text do"
    static let utf16: [UInt8] = "\u{FEFF}input_key".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

    @Test(
        "a file that is neither CSV nor NDJSON is an error",
        arguments: [
            Neither(
                name: "notes.txt", bytes: Array("Dear team,\nplease find the scans attached.\n".utf8),
                error: "notes.txt:1: the header is missing the required columns input_key, study_instance_uid, "
                    + "series_instance_uid and sop_instance_uid"),
            Neither(
                name: "image.dcm", bytes: [UInt8](repeating: 0, count: 128) + Array("DICM".utf8),
                error: "image.dcm: \(binary)"),
            Neither(name: "inventory.csv", bytes: utf16, error: "inventory.csv: \(binary)"),
            Neither(
                name: "inventory.json", bytes: Array("[\(ndjson)]".utf8),
                error: "inventory.json: the file is not NDJSON: it does not start with a JSON object"),
        ])
    func neither(_ testCase: Neither) throws {
        #expect(try InventoryFile.openingError(bytes: testCase.bytes, name: testCase.name) == testCase.error)
    }

    @Test("a file that cannot be opened names the path and the cause")
    func missingFile() {
        #expect(
            throws: InventoryFileError(
                path: "/nonexistent/inventory.csv", reason: "cannot open the file: no such file or directory")
        ) {
            _ = try InventoryReader(path: "/nonexistent/inventory.csv")
        }
    }

    @Test("an error reads as path, line and reason")
    func errorDescription() {
        #expect(InventoryFileError(path: "a.csv", line: 3, reason: "r").description == "a.csv:3: r")
        #expect(InventoryFileError(path: "a.csv", reason: "r").description == "a.csv: r")
    }

    @Test("each read starts again from the first row")
    func readTwice() throws {
        let path = try InventoryFile.write(Array(FormatTests.csv.utf8), name: "inventory.csv")
        defer { InventoryFile.remove(path) }
        var reader = try InventoryReader(path: path)
        var lines: [Int] = []
        try reader.read({ _, line in lines.append(line) }, invalid: { _, _ in })
        try reader.read({ _, line in lines.append(line) }, invalid: { _, _ in })
        #expect(lines == [2, 2])
    }
}

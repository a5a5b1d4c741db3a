import Testing

@testable import CutoverFormats

/// A record longer than the limit is reported without being held, so a stray quote cannot pull the rest of
/// a large file into memory.
@Suite("Records longer than the limit")
struct LongRecordTests {
    static let limit = 100
    static let long = String(repeating: "x", count: 200)

    @Test(
        "a CSV row longer than the limit is a bad row and reading goes on",
        arguments: [
            (
                "\(identityRow("a")),\(long)\n\(identityRow("b")),B\n",
                [InvalidRow(2, "the row is longer than 100 bytes")], [3]
            ),
            (
                "\(identityRow("a")),\"\(long)\n\(long)\",\n\(identityRow("b")),B\n",
                [InvalidRow(2, "the row is longer than 100 bytes")], [4]
            ),
            (
                "\(identityRow("a")),A\n\(identityRow("b")),\"\(long)\n\(long)\n\(identityRow("c")),C\n",
                [InvalidRow(3, "column 5 (patient_name) opens a quote that is never closed")], [2]
            ),
            (
                "\(identityRow("a")),\(long)",
                [InvalidRow(2, "the row is longer than 100 bytes")], []
            ),
        ] as [(String, [InvalidRow], [Int])])
    func csv(_ rows: String, _ invalid: [InvalidRow], _ goodLines: [Int]) throws {
        let text = "\(requiredHeader),patient_name\n\(rows)"
        for readSize in [8, 64, 4096] {
            let outcome = try InventoryFile.read(text, readSize: readSize, maxRecordBytes: LongRecordTests.limit)
            #expect(outcome.invalid == invalid)
            #expect(outcome.lines == goodLines)
        }
    }

    @Test("an NDJSON line longer than the limit is a bad line and reading goes on")
    func ndjson() throws {
        let good = #"{"input_key":"a","study_instance_uid":"1","series_instance_uid":"2","sop_instance_uid":"3"}"#
        let text = "{\"patient_name\":\"\(LongRecordTests.long)\"}\n\(good)\n{\"x\":\"\(LongRecordTests.long)"
        for readSize in [8, 64, 4096] {
            let outcome = try InventoryFile.read(
                text, name: "inventory.ndjson", readSize: readSize, maxRecordBytes: 128)
            #expect(
                outcome.invalid == [
                    InvalidRow(1, "the line is longer than 128 bytes"),
                    InvalidRow(3, "the line is longer than 128 bytes"),
                ])
            #expect(outcome.lines == [2])
        }
    }

    @Test("a header longer than the limit is an error")
    func header() throws {
        let path = try InventoryFile.write(Array("\(requiredHeader),\(LongRecordTests.long)\n".utf8), name: "i.csv")
        defer { InventoryFile.remove(path) }
        #expect(throws: InventoryFileError(path: path, line: 1, reason: "the header row is too long")) {
            _ = try InventoryReader(path: path, readSize: 16, maxRecordBytes: LongRecordTests.limit)
        }
    }
}

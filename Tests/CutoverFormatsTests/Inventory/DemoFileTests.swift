import Foundation
import Testing

@testable import CutoverFormats

@Suite("Demo inventory")
struct DemoFileTests {
    /// Written by the demo generator (`cutover demo`); the test is skipped on a machine without it.
    static let path = "/tmp/d1/inventory/source-inventory.csv"

    @Test(
        "the demo generator's inventory reads whole with no bad rows",
        .enabled(if: FileManager.default.fileExists(atPath: path), "no demo inventory at \(path)"))
    func demoFile() throws {
        let text = try String(contentsOfFile: DemoFileTests.path, encoding: .utf8)
        let lineCount = text.utf8.count(where: { $0 == UInt8(ascii: "\n") })
        var reader = try InventoryReader(path: DemoFileTests.path)
        var rows = 0
        var lastLine = 0
        var invalid: [InvalidRow] = []
        try reader.read(
            { record, line in
                rows += 1
                lastLine = line
                if rows == 1 {
                    #expect(line == 2)
                    #expect(record.inputKey.hasSuffix(".dcm"))
                    #expect(record.sizeBytes != nil && record.numberOfFrames != nil && record.cohort != nil)
                }
            },
            invalid: { line, reason in invalid.append(InvalidRow(line, reason)) })
        #expect(reader.format == .csv)
        #expect(reader.unknownColumns.isEmpty)
        #expect(rows == lineCount - 1)
        #expect(lastLine == lineCount)
        #expect(invalid.isEmpty)
    }
}

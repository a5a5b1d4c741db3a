import Testing

@testable import CutoverFormats

/// Records and quoted values split across reads must come out as when read whole.
@Suite("Chunk boundaries")
struct ChunkBoundaryTests {
    static let csv =
        "\u{FEFF}\(requiredHeader),patient_name,size_bytes\r\n"
        + "\(identityRow("a", 1)),\"LEE, JR^WEI\",100\r\n"
        + "\r\n"
        + "\(identityRow("b", 2)),\"O\"\"BRIEN\nSECOND LINE\",200\n"
        + "\(identityRow("c", 3)),,x\n"
        + "\"k,4\",1.4,1.4.2,1.4.2.3,\"\"\"\"\"\",12345678901234\r\n"
        + "short,row\n"
        + "\(identityRow("é", 5)),ÅSE^ÖRN,\n"
        + "\(identityRow("f", 6)),\"never closed\n\(identityRow("g", 7)),G,7\n"

    static let ndjson =
        "\u{FEFF}"
        + #"{"input_key":"a","study_instance_uid":"1.1","series_instance_uid":"1.1.2","sop_instance_uid":"1.1.2.3","#
        + #""size_bytes":100}"# + "\r\n\n"
        + #"{"input_key":"b\"\u00e9","study_instance_uid":"1.2","series_instance_uid":"1.2.2","#
        + #""sop_instance_uid":"1.2.2.3","extra":{"x":[1,"]"]}}"# + "\n{broken\n"
        + #"{"input_key":"c","study_instance_uid":"1.3","series_instance_uid":"1.3.2","sop_instance_uid":"1.3.2.3","#
        + #""size_bytes":"12345678901234"}"#

    @Test("CSV records and quoted values split across reads", arguments: [1, 2, 3, 5, 7, 16, 61])
    func csvSplit(_ readSize: Int) throws {
        let whole = try InventoryFile.read(ChunkBoundaryTests.csv)
        #expect(whole.lines == [2, 4, 7, 9])
        #expect(whole.invalid.map(\.line) == [6, 8, 10])
        let split = try InventoryFile.read(ChunkBoundaryTests.csv, readSize: readSize)
        #expect(split == whole)
    }

    @Test("NDJSON lines split across reads", arguments: [1, 2, 3, 5, 7, 16, 61])
    func ndjsonSplit(_ readSize: Int) throws {
        let whole = try InventoryFile.read(ChunkBoundaryTests.ndjson, name: "inventory.ndjson")
        #expect(whole.lines == [1, 3, 5])
        #expect(whole.invalid.map(\.line) == [4])
        #expect(whole.unknownColumns == ["extra"])
        let split = try InventoryFile.read(ChunkBoundaryTests.ndjson, name: "inventory.ndjson", readSize: readSize)
        #expect(split == whole)
    }
}

import Testing

@testable import CutoverFormats

@Suite("CSV bad rows")
struct BadRowTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// A row for a header of the required columns, `number_of_frames` and `size_bytes`.
        var row: String
        var reason: String
        var testDescription: String { name }
    }

    static let header = "\(requiredHeader),number_of_frames,size_bytes"

    /// The value every bad row carries somewhere, which no reason may repeat: values can be patient data.
    static let secret = "SECRET"

    @Test(
        "a bad row is reported with its line and the rows around it come through",
        arguments: [
            Case(
                name: "too few fields", row: "SECRET,1.1,1.1.2,1.1.2.3",
                reason: "the row has 4 fields but the header has 6"),
            Case(name: "one field", row: "SECRET", reason: "the row has 1 field but the header has 6"),
            Case(
                name: "too many fields", row: "SECRET,1.1,1.1.2,1.1.2.3,1,2,3",
                reason: "the row has 7 fields but the header has 6"),
            Case(name: "empty input key", row: ",1.1,1.1.2,SECRET,1,2", reason: "column input_key is empty"),
            Case(
                name: "blank study UID", row: "SECRET,  ,1.1.2,1.1.2.3,1,2",
                reason: "column study_instance_uid is empty"),
            Case(
                name: "empty series UID", row: "SECRET,1.1,,1.1.2.3,1,2",
                reason: "column series_instance_uid is empty"),
            Case(name: "empty SOP UID", row: "SECRET,1.1,1.1.2,\"\",1,2", reason: "column sop_instance_uid is empty"),
            Case(
                name: "letters in number_of_frames", row: "a,1.1,1.1.2,1.1.2.3,SECRET,2",
                reason: "column number_of_frames is not a whole number"),
            Case(
                name: "negative size", row: "SECRET,1.1,1.1.2,1.1.2.3,1,-2",
                reason: "column size_bytes is not a whole number"),
            Case(
                name: "decimal size", row: "SECRET,1.1,1.1.2,1.1.2.3,1,2.5",
                reason: "column size_bytes is not a whole number"),
            Case(
                name: "size with a space", row: "SECRET,1.1,1.1.2,1.1.2.3,1, 2",
                reason: "column size_bytes is not a whole number"),
            Case(
                name: "size beyond 64 bits", row: "SECRET,1.1,1.1.2,1.1.2.3,1,99999999999999999999",
                reason: "column size_bytes is too large"),
            Case(
                name: "frames beyond 64 bits", row: "SECRET,1.1,1.1.2,1.1.2.3,9223372036854775808,1",
                reason: "column number_of_frames is too large"),
            Case(
                name: "the first problem wins", row: "SECRET,,1.1.2,1.1.2.3,x,y",
                reason: "column study_instance_uid is empty"),
        ])
    func badRow(_ testCase: Case) throws {
        let text = "\(BadRowTests.header)\n\(identityRow("a")),1,10\n\(testCase.row)\n\n\(identityRow("b")),,\n"
        let outcome = try InventoryFile.read(text)
        var first = InventoryRecord.identity("a")
        first.numberOfFrames = 1
        first.sizeBytes = 10
        #expect(outcome.rows == [ReadRow(line: 2, record: first), ReadRow(line: 5, record: .identity("b"))])
        #expect(outcome.invalid == [InvalidRow(3, testCase.reason)])
        #expect(!testCase.reason.contains(BadRowTests.secret))
    }

    @Test("bytes that are not UTF-8 reject an identity column and are replaced in others")
    func invalidUTF8() throws {
        let header = Array("\(requiredHeader),patient_name\n".utf8)
        let badKey = Array("a".utf8) + [0xC3, 0x28] + Array(",1.1,1.1.2,1.1.2.3,DOE\n".utf8)
        let badName = Array("\(identityRow("b")),D".utf8) + [0xFF] + Array("E\n".utf8)
        let outcome = try InventoryFile.read(bytes: header + badKey + badName)
        #expect(outcome.invalid == [InvalidRow(2, "column input_key is not valid UTF-8")])
        #expect(outcome.rows == [ReadRow(line: 3, record: InventoryRecord.identity("b").named("D\u{FFFD}E"))])
    }

    @Test("a zero and leading zeros are counts")
    func zeros() throws {
        let outcome = try InventoryFile.read("\(BadRowTests.header)\n\(identityRow("a")),0,007\n")
        #expect(outcome.records.map(\.numberOfFrames) == [0])
        #expect(outcome.records.map(\.sizeBytes) == [7])
    }
}

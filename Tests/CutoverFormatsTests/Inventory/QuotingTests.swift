import Testing

@testable import CutoverFormats

@Suite("CSV quoting")
struct QuotingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Rows after a header of the required columns and `patient_name`.
        var rows: String
        var expected: [ReadRow]
        var invalid: [InvalidRow] = []
        var testDescription: String { name }
    }

    static let header = "\(requiredHeader),patient_name\n"

    @Test(
        "quoted values",
        arguments: [
            Case(
                name: "embedded commas",
                rows: "\(identityRow("a")),\"LEE, JR^WEI\"\n",
                expected: [ReadRow(line: 2, record: InventoryRecord.identity("a").named("LEE, JR^WEI"))]),
            Case(
                name: "doubled quotes",
                rows: "\(identityRow("a")),\"O\"\"BRIEN^\"\"PAT\"\"\"\n\"k\"\"1\",1.1,1.1.2,1.1.2.3,\"\"\"\"\n",
                expected: [
                    ReadRow(line: 2, record: InventoryRecord.identity("a").named("O\"BRIEN^\"PAT\"")),
                    ReadRow(line: 3, record: InventoryRecord.identity("k\"1").named("\"")),
                ]),
            Case(
                name: "embedded newlines count as lines for the next record",
                rows: "\(identityRow("a")),\"ONE\nTWO\n\nTHREE\"\n\(identityRow("b")),B\n",
                expected: [
                    ReadRow(line: 2, record: InventoryRecord.identity("a").named("ONE\nTWO\n\nTHREE")),
                    ReadRow(line: 6, record: InventoryRecord.identity("b").named("B")),
                ]),
            Case(
                name: "an embedded CRLF is kept",
                rows: "\(identityRow("a")),\"ONE\r\nTWO\"\r\n\(identityRow("b")),B\r\n",
                expected: [
                    ReadRow(line: 2, record: InventoryRecord.identity("a").named("ONE\r\nTWO")),
                    ReadRow(line: 4, record: InventoryRecord.identity("b").named("B")),
                ]),
            Case(
                name: "quoted identity columns",
                rows: "\"a,b\",\"1.1\",\"1.1.2\",\"1.1.2.3\",\"\"\n",
                expected: [ReadRow(line: 2, record: .identity("a,b"))]),
            Case(
                name: "a quote inside an unquoted value is kept",
                rows: "a\"b,1.1,1.1.2,1.1.2.3,5'10\"\n",
                expected: [ReadRow(line: 2, record: InventoryRecord.identity("a\"b").named("5'10\""))]),
            Case(
                name: "spaces around unquoted values are kept",
                rows: " a ,1.1,1.1.2,1.1.2.3, DOE \n",
                expected: [ReadRow(line: 2, record: InventoryRecord.identity(" a ").named(" DOE "))]),
            Case(
                name: "an empty quoted optional value is nil",
                rows: "\(identityRow("a")),\"\"\n",
                expected: [ReadRow(line: 2, record: .identity("a"))]),
            Case(
                name: "an empty quoted identity value is a bad row",
                rows: "\"\",1.1,1.1.2,1.1.2.3,\n\(identityRow("b")),\n",
                expected: [ReadRow(line: 3, record: .identity("b"))],
                invalid: [InvalidRow(2, "column input_key is empty")]),
            Case(
                name: "text after a closing quote is a bad row",
                rows: "\(identityRow("a")),\"DOE\"JANE\n\(identityRow("b")),\n",
                expected: [ReadRow(line: 3, record: .identity("b"))],
                invalid: [InvalidRow(2, "column 5 (patient_name) has text after its closing quote")]),
            Case(
                name: "a quote never closed is a bad row at the line where it opens",
                rows: "\(identityRow("a")),A\n\(identityRow("b")),\"B\n\(identityRow("c")),C\n",
                expected: [ReadRow(line: 2, record: InventoryRecord.identity("a").named("A"))],
                invalid: [InvalidRow(3, "column 5 (patient_name) opens a quote that is never closed")]),
            Case(
                name: "a quoted last value at the end of the file",
                rows: "\(identityRow("a")),\"A\"",
                expected: [ReadRow(line: 2, record: InventoryRecord.identity("a").named("A"))]),
        ])
    func quoted(_ testCase: Case) throws {
        let outcome = try InventoryFile.read(QuotingTests.header + testCase.rows)
        #expect(outcome.rows == testCase.expected)
        #expect(outcome.invalid == testCase.invalid)
    }
}

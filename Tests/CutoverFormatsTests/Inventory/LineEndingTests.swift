import Testing

@testable import CutoverFormats

@Suite("CSV line endings and blank lines")
struct LineEndingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [ReadRow]
        var testDescription: String { name }
    }

    static let cohortHeader = "\(requiredHeader),cohort"

    static func withCohort(_ key: String, _ cohort: String?) -> InventoryRecord {
        var record = InventoryRecord.identity(key)
        record.cohort = cohort
        return record
    }

    @Test(
        "rows end at LF or CRLF and blank lines are skipped",
        arguments: [
            Case(
                name: "CRLF",
                text: "\(cohortHeader)\r\n\(identityRow("a")),x\r\n\(identityRow("b")),y\r\n",
                expected: [
                    ReadRow(line: 2, record: withCohort("a", "x")), ReadRow(line: 3, record: withCohort("b", "y")),
                ]),
            Case(
                name: "CRLF and LF mixed",
                text: "\(cohortHeader)\n\(identityRow("a")),x\r\n\(identityRow("b")),y\n",
                expected: [
                    ReadRow(line: 2, record: withCohort("a", "x")), ReadRow(line: 3, record: withCohort("b", "y")),
                ]),
            Case(
                name: "no newline after the last row",
                text: "\(cohortHeader)\n\(identityRow("a")),x",
                expected: [ReadRow(line: 2, record: withCohort("a", "x"))]),
            Case(
                name: "a carriage return ending the file",
                text: "\(cohortHeader)\r\n\(identityRow("a")),x\r",
                expected: [ReadRow(line: 2, record: withCohort("a", "x"))]),
            Case(
                name: "an empty last value before CRLF is nil, not a carriage return",
                text: "\(cohortHeader)\r\n\(identityRow("a")),\r\n",
                expected: [ReadRow(line: 2, record: withCohort("a", nil))]),
            Case(
                name: "blank lines between and after rows keep the line numbers",
                text: "\(cohortHeader)\n\n\(identityRow("a")),x\r\n\r\n\n\(identityRow("b")),y\n\n\r\n",
                expected: [
                    ReadRow(line: 3, record: withCohort("a", "x")), ReadRow(line: 6, record: withCohort("b", "y")),
                ]),
            Case(
                name: "a carriage return inside an unquoted value is kept",
                text: "\(cohortHeader)\n\(identityRow("a")),x\ry\n",
                expected: [ReadRow(line: 2, record: withCohort("a", "x\ry"))]),
        ])
    func lineEndings(_ testCase: Case) throws {
        let outcome = try InventoryFile.read(testCase.text)
        #expect(outcome.rows == testCase.expected)
        #expect(outcome.invalid.isEmpty)
    }
}

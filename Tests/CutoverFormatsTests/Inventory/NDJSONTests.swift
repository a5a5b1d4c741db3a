import Foundation
import Testing

@testable import CutoverFormats

@Suite("NDJSON")
struct NDJSONTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [ReadRow] = []
        var invalid: [InvalidRow] = []
        var testDescription: String { name }
    }

    static let identity =
        #""input_key":"a","study_instance_uid":"1.1","series_instance_uid":"1.1.2","sop_instance_uid":"1.1.2.3""#

    static func record(_ change: (inout InventoryRecord) -> Void = { _ in }) -> InventoryRecord {
        var record = InventoryRecord.identity("a")
        change(&record)
        return record
    }

    @Test(
        "objects become records",
        arguments: [
            Case(name: "identity keys", text: "{\(identity)}\n", expected: [ReadRow(line: 1, record: record())]),
            Case(
                name: "keys in any order with spaces",
                text: #" { "sop_instance_uid" : "1.1.2.3" , "input_key":"a", "series_instance_uid":"1.1.2","#
                    + #""study_instance_uid":"1.1" }"# + "\r\n",
                expected: [ReadRow(line: 1, record: record())]),
            Case(
                name: "all optional keys, numbers as numbers",
                text: #"{\#(identity),"sop_class_uid":"1.2","transfer_syntax_uid":"1.2.1","modality":"MR","#
                    + #""number_of_frames":3,"size_bytes":123456789012,"patient_id":"P","patient_name":"DOE^J","#
                    + #""accession_number":"A1","study_date":"20240101","cohort":"c1"}"#,
                expected: [
                    ReadRow(
                        line: 1,
                        record: record {
                            $0.sopClassUID = "1.2"
                            $0.transferSyntaxUID = "1.2.1"
                            $0.modality = "MR"
                            $0.numberOfFrames = 3
                            $0.sizeBytes = 123_456_789_012
                            $0.patientID = "P"
                            $0.patientName = "DOE^J"
                            $0.accessionNumber = "A1"
                            $0.studyDate = "20240101"
                            $0.cohort = "c1"
                        })
                ]),
            Case(
                name: "numbers as strings of digits",
                text: #"{\#(identity),"number_of_frames":"3","size_bytes":"42"}"#,
                expected: [
                    ReadRow(
                        line: 1,
                        record: record {
                            $0.numberOfFrames = 3
                            $0.sizeBytes = 42
                        })
                ]),
            Case(
                name: "null and empty strings leave optional keys nil",
                text: #"{\#(identity),"modality":null,"size_bytes":"","patient_name":""}"#,
                expected: [ReadRow(line: 1, record: record())]),
            Case(
                name: "escapes",
                text: #"{\#(identity),"patient_name":"O\"BRIEN\\\u00c9\ud83d\ude00\n\/"}"#,
                expected: [ReadRow(line: 1, record: record { $0.patientName = "O\"BRIEN\\É😀\n/" })]),
            Case(
                name: "key names ignore case and may be escaped",
                text:
                    #"{"Input_Key":"a","STUDY_INSTANCE_UID":"1.1","series_instance_uid":"1.1.2","#
                    + #""sop_instance_\u0075id":"1.1.2.3"}"#,
                expected: [ReadRow(line: 1, record: record())]),
            Case(
                name: "unknown keys of any type are skipped",
                text: #"{"extra":{"a":[1,{"b":"}"}],"c":null},\#(identity),"flag":true,"n":-1.5e3,"s":"x"}"#,
                expected: [ReadRow(line: 1, record: record())]),
            Case(
                name: "blank lines are skipped and counted",
                text: "\n{\(identity)}\r\n  \n\t\r\n{\(identity)}",
                expected: [ReadRow(line: 2, record: record()), ReadRow(line: 5, record: record())]),
        ])
    func objects(_ testCase: Case) throws {
        let outcome = try InventoryFile.read(testCase.text, name: "inventory.ndjson")
        #expect(outcome.format == .ndjson)
        #expect(outcome.rows == testCase.expected)
        #expect(outcome.invalid == testCase.invalid)
    }

    @Test(
        "a bad line is reported with its line and the lines around it come through",
        arguments: [
            ("not json", "the line is not valid JSON: expected '{' at column 1"),
            ("[1, 2]", "the line is not a JSON object"),
            (#"{"input_key":"SECRET",}"#, "the line is not valid JSON: expected a key in quotes at column 23"),
            (#""SECRET""#, "the line is not a JSON object"),
            (#"{"input_key":"SECRET""#, "the line is not valid JSON: expected ',' or '}' at column 22"),
            (#"{"input_key":"SECRET}"#, "the line is not valid JSON: unterminated string at column 22"),
            (#"{"input_key" "SECRET"}"#, "the line is not valid JSON: expected ':' after a key at column 14"),
            (#"{"input_key":SECRET}"#, "the line is not valid JSON: expected a value at column 14"),
            (#"{"input_key":"SECRET"} x"#, "the line is not valid JSON: text after the object at column 24"),
            (#"{"input_key":"SE\qCRET"}"#, "the line is not valid JSON: invalid escape at column 17"),
            (
                #"{"input_key":"SE\ud800CRET"}"#,
                "the line is not valid JSON: unpaired surrogate in a \\u escape at column 17"
            ),
            ("{\"input_key\":\"SE\tCRET\"}", "the line is not valid JSON: control character in a string at column 17"),
            (#"{"size_bytes":01}"#, "the line is not valid JSON: expected ',' or '}' at column 16"),
            (#"{"size_bytes":tru}"#, "the line is not valid JSON: unknown literal at column 15"),
            (
                #"{"input_key":"SECRET","study_instance_uid":"1.1","series_instance_uid":"1.1.2"}"#,
                "key sop_instance_uid is missing"
            ),
            (#"{\#(identity.replacingOccurrences(of: "\"a\"", with: "\"\""))}"#, "key input_key is empty"),
            (#"{\#(identity.replacingOccurrences(of: "\"a\"", with: "null"))}"#, "key input_key is null"),
            (#"{\#(identity.replacingOccurrences(of: "\"a\"", with: "5"))}"#, "key input_key is not a string"),
            (#"{\#(identity),"modality":true}"#, "key modality is not a string"),
            (#"{\#(identity),"patient_name":{"given":"SECRET"}}"#, "key patient_name is not a string"),
            (#"{\#(identity),"size_bytes":1.5}"#, "key size_bytes is not a whole number"),
            (#"{\#(identity),"size_bytes":-1}"#, "key size_bytes is not a whole number"),
            (#"{\#(identity),"size_bytes":"12 bytes"}"#, "key size_bytes is not a whole number"),
            (#"{\#(identity),"number_of_frames":[1]}"#, "key number_of_frames is not a whole number"),
            (#"{\#(identity),"size_bytes":99999999999999999999}"#, "key size_bytes is too large"),
            (#"{\#(identity),"Input_Key":"SECRET"}"#, "key input_key appears twice"),
        ])
    func badLine(_ line: String, _ reason: String) throws {
        let text = "{\(NDJSONTests.identity)}\n\(line)\n\n{\(NDJSONTests.identity)}\n"
        let outcome = try InventoryFile.read(text, name: "inventory.jsonl")
        #expect(
            outcome.rows == [
                ReadRow(line: 1, record: NDJSONTests.record()), ReadRow(line: 4, record: NDJSONTests.record()),
            ])
        #expect(outcome.invalid == [InvalidRow(2, reason)])
        #expect(!reason.contains("SECRET"))
    }

    @Test("unknown keys are those of the first 1,000 lines, each once")
    func unknownKeys() throws {
        var lines = ["{\"Scanner\":\"x\",\(NDJSONTests.identity),\"notes\":1}", "not json", "{\"notes\":2}"]
        lines += Array(repeating: "{\(NDJSONTests.identity)}", count: 997)
        lines.append("{\"late\":true,\(NDJSONTests.identity)}")
        let outcome = try InventoryFile.read(lines.joined(separator: "\n"), name: "inventory.ndjson")
        #expect(outcome.unknownColumns == ["Scanner", "notes"])
        #expect(outcome.rows.count == 999)
        #expect(outcome.rows.last?.line == 1_001)
        #expect(outcome.invalid.map(\.line) == [2, 3])
    }

    @Test("an empty NDJSON file has no rows")
    func empty() throws {
        let outcome = try InventoryFile.read("\n\n", name: "inventory.ndjson")
        #expect(outcome.rows.isEmpty && outcome.invalid.isEmpty)
    }
}

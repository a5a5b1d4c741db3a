import Testing

@testable import CutoverFormats

@Suite("CSV header")
struct HeaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [ReadRow]
        var unknown: [String] = []
        var testDescription: String { name }
    }

    @Test(
        "columns are found by name",
        arguments: [
            Case(
                name: "any column order",
                text: "sop_instance_uid,input_key,series_instance_uid,study_instance_uid\n1.1.2.3,a.dcm,1.1.2,1.1\n",
                expected: [ReadRow(line: 2, record: .identity("a.dcm"))]),
            Case(
                name: "case and surrounding spaces in names",
                text: " Input_Key ,STUDY_INSTANCE_UID,\tseries_instance_uid,Sop_Instance_Uid\n\(identityRow("a.dcm"))",
                expected: [ReadRow(line: 2, record: .identity("a.dcm"))]),
            Case(
                name: "byte order mark",
                text: "\u{FEFF}\(requiredHeader)\n\(identityRow("a.dcm"))\n",
                expected: [ReadRow(line: 2, record: .identity("a.dcm"))]),
            Case(
                name: "quoted names",
                text:
                    "\"input_key\",\"study_instance_uid\",series_instance_uid,\"sop_instance_uid\"\n"
                    + identityRow("a"),
                expected: [ReadRow(line: 2, record: .identity("a"))]),
            Case(
                name: "blank lines before the header",
                text: "\n\r\n\(requiredHeader)\n\(identityRow("a"))\n",
                expected: [ReadRow(line: 4, record: .identity("a"))]),
            Case(
                name: "unknown columns are listed once each and their values ignored",
                text: "input_key,notes,study_instance_uid,Scanner,series_instance_uid,sop_instance_uid,notes,\n"
                    + "a,x,1.1,y,1.1.2,1.1.2.3,z,\n",
                expected: [ReadRow(line: 2, record: .identity("a"))], unknown: ["notes", "Scanner"]),
            Case(name: "a header and no rows", text: "\(requiredHeader)\n", expected: []),
        ])
    func columns(_ testCase: Case) throws {
        let outcome = try InventoryFile.read(testCase.text)
        #expect(outcome.rows == testCase.expected)
        #expect(outcome.invalid.isEmpty)
        #expect(outcome.unknownColumns == testCase.unknown)
        #expect(outcome.format == .csv)
    }

    @Test("every interchange column is read")
    func allColumns() throws {
        let header =
            "input_key,study_instance_uid,series_instance_uid,sop_instance_uid,sop_class_uid,transfer_syntax_uid,"
            + "modality,number_of_frames,size_bytes,patient_id,patient_name,accession_number,study_date,cohort"
        let row =
            "a.dcm,1.1,1.1.2,1.1.2.3,1.2.840.10008.5.1.4.1.1.2,1.2.840.10008.1.2.1,CT,12,123456789012,MRN1,"
            + "\"DOE^JANE\",ACC1,20240131,ed-2019"
        let outcome = try InventoryFile.read("\(header)\n\(row)\n")
        let expected = InventoryRecord(
            inputKey: "a.dcm", studyInstanceUID: "1.1", seriesInstanceUID: "1.1.2", sopInstanceUID: "1.1.2.3",
            sopClassUID: "1.2.840.10008.5.1.4.1.1.2", transferSyntaxUID: "1.2.840.10008.1.2.1", modality: "CT",
            numberOfFrames: 12, sizeBytes: 123_456_789_012, patientID: "MRN1", patientName: "DOE^JANE",
            accessionNumber: "ACC1", studyDate: "20240131", cohort: "ed-2019")
        #expect(outcome.records == [expected])
        #expect(outcome.invalid.isEmpty)
    }

    @Test(
        "a header that cannot be used is an error naming the line and the column",
        arguments: [
            (
                "input_key,study_instance_uid,series_instance_uid\n",
                "inventory.csv:1: the header is missing the required column sop_instance_uid"
            ),
            (
                "\ninput_key,series_instance_uid,modality\n",
                "inventory.csv:2: the header is missing the required columns study_instance_uid and sop_instance_uid"
            ),
            (
                "name,birth date\nDOE^JANE,19700101\n",
                "inventory.csv:1: the header is missing the required columns input_key, study_instance_uid, "
                    + "series_instance_uid and sop_instance_uid"
            ),
            (
                "\(requiredHeader),Input_Key\n",
                "inventory.csv:1: the header has column input_key twice"
            ),
            ("", "inventory.csv: the file is empty: it has no header row"),
            ("\n\r\n\n", "inventory.csv: the file is empty: it has no header row"),
            ("input_key,\"study_instance_uid\n", "inventory.csv:1: the header row has an unclosed quote"),
        ])
    func unusableHeader(_ text: String, _ expected: String) throws {
        #expect(try InventoryFile.openingError(text) == expected)
    }
}

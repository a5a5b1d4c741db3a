import CutoverCore
import CutoverFormats
import Testing

@Suite("Result line decoder")
struct ResultLineDecoderTests {
    @Test("success.ndjson: three lines, the third non-primary")
    func successFixture() throws {
        let lines = try Fixture.lines("success.ndjson").map { try ResultLineDecoder.decode($0, outcome: .success) }
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == ResultLine(
                    inputFile: "input/batch-0042/STUDY1/SER1/IM0001.dcm", outcome: .success,
                    imageSetId: "a1b2c3d4e5f60718293a4b5c6d7e8f90", isPrimary: true))
        #expect(lines[1].inputFile == "input/batch-0042/STUDY1/SER1/IM0002.dcm")
        #expect(
            lines[2]
                == ResultLine(
                    inputFile: "input/batch-0042/STUDY1_RESEND/SER1/IM0001.dcm", outcome: .success,
                    imageSetId: "0f9e8d7c6b5a49382716a5b4c3d2e1f0", isPrimary: false))
        #expect(lines.allSatisfy { $0.imageSetVersion == nil && $0.warnings.isEmpty && $0.exceptionType == nil })
    }

    @Test("warning.ndjson: the second line has warnings 45312 and 45570")
    func warningFixture() throws {
        let lines = try Fixture.lines("warning.ndjson").map { try ResultLineDecoder.decode($0, outcome: .warning) }
        #expect(lines.count == 2)
        #expect(lines[0].inputFile == "input/batch-0042/STUDY1/SER1/IM0003.dcm")
        #expect(lines[0].imageSetVersion == 1)
        #expect(lines[0].isPrimary == true)
        #expect(
            lines[0].warnings == [
                ImportWarning(
                    code: 45330, type: "InvalidOffsetTable",
                    message: "The file was imported but contains an invalid offset table, may see issues when "
                        + "retrieving certain frames.")
            ])
        #expect(lines[1].imageSetId == "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")
        #expect(lines[1].imageSetVersion == 2)
        #expect(lines[1].warnings.map(\.code) == [45312, 45570])
        #expect(lines[1].warnings.map(\.type) == ["TranscodingException", "InvalidUidFormat"])
        #expect(lines[1].outcome == .warning)
    }

    @Test("failure.ndjson: ValidationException with its message")
    func failureFixture() throws {
        let lines = try Fixture.lines("failure.ndjson").map { try ResultLineDecoder.decode($0, outcome: .failure) }
        #expect(
            lines == [
                ResultLine(
                    inputFile: "input/batch-0042/STUDY3/SER9/IM0001.dcm", outcome: .failure,
                    exceptionType: "ValidationException", message: "DICOM attribute TransferSyntaxUID does not exist"),
                ResultLine(
                    inputFile: "input/batch-0042/STUDY3/notes.txt", outcome: .failure,
                    exceptionType: "ValidationException", message: "DICOM attributes does not exist"),
            ])
    }

    struct VariantCase: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var expected: ResultLine
        var testDescription: String { name }
    }

    @Test(
        "tolerates the variations seen in the wild",
        arguments: [
            VariantCase(
                name: "Python True as in the AHI docs",
                line: #"{"inputFile":"a.dcm","importResponse":{"imageSetId":"i1","isPrimary": True}}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success, imageSetId: "i1", isPrimary: true)),
            VariantCase(
                name: "imagesetId spelling",
                line: #"{"inputFile":"a.dcm","importResponse":{"imagesetId":"i2"}}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success, imageSetId: "i2")),
            VariantCase(
                name: "imageSetVersion as a string",
                line: #"{"inputFile":"a.dcm","importResponse":{"imageSetVersion":"3"}}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success, imageSetVersion: 3)),
            VariantCase(
                name: "warning code as a string of digits",
                line: #"{"inputFile":"a.dcm","importResponse":{"warnings":[{"warning_reason_code":"45330"}]}}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success, warnings: [ImportWarning(code: 45330)])),
            VariantCase(
                name: "warning entry without a code",
                line: #"{"inputFile":"a.dcm","importResponse":{"warnings":[{"type":"New"}]}}"#,
                expected: ResultLine(
                    inputFile: "a.dcm", outcome: .success, warnings: [ImportWarning(code: nil, type: "New")])),
            VariantCase(
                name: "unknown keys are ignored",
                line: #"{"inputFile":"a.dcm","extra":[1,{"x":2}],"importResponse":{"imageSetId":"i","new":true}}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success, imageSetId: "i")),
            VariantCase(
                name: "no importResponse at all",
                line: #"{"inputFile":"a.dcm"}"#,
                expected: ResultLine(inputFile: "a.dcm", outcome: .success)),
        ])
    func variants(_ testCase: VariantCase) throws {
        #expect(try ResultLineDecoder.decode(json(testCase.line), outcome: .success) == testCase.expected)
    }

    @Test(
        "a line without an inputFile string is an error that does not quote the line",
        arguments: [
            #"{"importResponse":{"imageSetId":"JANE^DOE"}}"#, #"{"inputFile": 12345}"#, #"{"inputFile": ""}"#,
            #"{"inputFile": null}"#, #"["JANE^DOE"]"#, #""JANE^DOE""#,
        ])
    func missingInputFile(_ line: String) throws {
        let value = try json(line)
        #expect {
            try ResultLineDecoder.decode(value, outcome: .failure)
        } throws: { error in
            let reason = (error as? FormatError)?.reason ?? ""
            return !reason.isEmpty && !reason.contains("JANE") && !reason.contains("12345")
        }
    }
}

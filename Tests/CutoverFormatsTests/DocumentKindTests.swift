import CutoverFormats
import Testing

@Suite("Document kind")
struct DocumentKindTests {
    @Test(
        "reference fixtures classify by content",
        arguments: [
            ("job-output-manifest.json", DocumentKind.jobManifest),
            ("list-dicom-import-jobs.json", .jobList),
            ("get-dicom-import-job.json", .jobDetail),
            ("events.json", .events),
            ("events-firehose-concatenated.txt", .events),
            ("success.ndjson", .unknown),
            ("failure.ndjson", .unknown),
        ])
    func fixtures(_ name: String, _ expected: DocumentKind) throws {
        let bytes = try Fixture.bytes(name)
        #expect(Array(bytes.prefix(4096)).withUnsafeBytes(DocumentKind.classify) == expected)
        #expect(Array(bytes.prefix(60)).withUnsafeBytes(DocumentKind.classify) == expected)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var expected: DocumentKind
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ expected: DocumentKind) {
            self.init(name, bytes: Array(text.utf8), expected)
        }

        init(_ name: String, bytes: [UInt8], _ expected: DocumentKind) {
            self.name = name
            self.bytes = bytes
            self.expected = expected
        }
    }

    @Test(
        "keys decide, wherever the first recognised one is",
        arguments: [
            Case("BOM and pretty printing", "\u{FEFF}\n\n   {\n\t\"jobSummary\" : {", .jobManifest),
            Case("nextToken before jobSummaries", #"{"nextToken": "t", "jobSummaries": []}"#, .jobList),
            Case("an event whose first key is id", #"{"id": "e", "detail-type": "Import Job Completed"}"#, .events),
            Case("an event starting with source", #"{"source": "aws.medical-imaging"}"#, .events),
            Case(
                "keys inside nested values do not count",
                #"{"a": {"jobSummary": 1}, "b": ["jobProperties"], "version": "0"}"#, .events),
            Case(
                "escaped quote inside an earlier value", #"{"a": "x\"jobSummary\"", "jobProperties": {}}"#, .jobDetail),
            Case("prefix ends before any known key", #"{"unrelated": "a long value that is cut"#, .unknown),
            Case("result line", #"{"inputFile": "a.dcm"}"#, .unknown),
            Case("empty", "", .unknown),
            Case("whitespace only", "  \n ", .unknown),
            Case("top-level string", #""jobSummary""#, .unknown),
            Case("array", "  [", .events),
            Case("gzip bytes need decompressing first", bytes: [0x1F, 0x8B, 0x08, 0x00], .unknown),
        ])
    func cases(_ testCase: Case) {
        #expect(testCase.bytes.withUnsafeBytes(DocumentKind.classify) == testCase.expected)
    }
}

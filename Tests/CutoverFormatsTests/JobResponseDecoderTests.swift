import CutoverCore
import CutoverFormats
import Testing

@Suite("Job response decoder")
struct JobResponseDecoderTests {
    @Test("ListDICOMImportJobs: four jobs, one per status, and a nextToken")
    func listFixture() throws {
        let (jobs, nextToken) = try JobResponseDecoder.decodeList(Fixture.document("list-dicom-import-jobs.json"))
        #expect(jobs.count == 4)
        #expect(jobs.map(\.status) == [.submitted, .inProgress, .completed, .failed])
        #expect(jobs.map(\.jobName) == ["batch-0044", "batch-0043", "batch-0042", "batch-0040"])
        #expect(jobs.allSatisfy { $0.datastoreId == "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b" })
        #expect(
            jobs[2]
                == ImportJobObservation(
                    jobId: "9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c", datastoreId: "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b",
                    jobName: "batch-0042", status: .completed, submittedAt: 1731411962.052, endedAt: 1731412589.417))
        #expect(jobs[0].endedAt == nil)
        #expect(jobs[1].submittedAt == 1731412904.5)
        #expect(
            jobs[3].message == "Unable to read input location s3://acme-ahi-migration/input/batch-0040/ - access denied"
        )
        #expect(nextToken == "eyJwYWdlIjoyLCJsYXN0Sm9iSWQiOiIzYzVlN2E5YjFkM2Y1ZTdhOWMxYjNkNWY3ZTlhMWMzZSJ9")
    }

    @Test("GetDICOMImportJob: properties with epoch-number timestamps")
    func getFixture() throws {
        let job = try JobResponseDecoder.decodeJob(Fixture.document("get-dicom-import-job.json"))
        #expect(
            job
                == ImportJobObservation(
                    jobId: "9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c", datastoreId: "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b",
                    jobName: "batch-0042", status: .completed, submittedAt: 1731411962.052, endedAt: 1731412589.417,
                    inputS3Uri: "s3://acme-ahi-migration/input/batch-0042/",
                    outputS3Uri: "s3://acme-ahi-migration/output/batch-0042/"
                        + "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b-DicomImport-9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c/"))
    }

    struct TimestampCase: CustomTestStringConvertible, Sendable {
        var name: String
        var submittedAt: String
        var expected: Double?
        var testDescription: String { name }
    }

    @Test(
        "timestamps: epoch numbers, and ISO strings from saved CLI output",
        arguments: [
            TimestampCase(name: "epoch number", submittedAt: "1731411962.052", expected: 1731411962.052),
            TimestampCase(name: "ISO with Z", submittedAt: #""2024-11-12T11:46:02Z""#, expected: 1_731_411_962),
            TimestampCase(
                name: "ISO as the CLI prints it", submittedAt: #""2024-11-12T11:46:02.052000+00:00""#,
                expected: 1731411962.052),
            TimestampCase(
                name: "ISO with an offset", submittedAt: #""2024-11-12T12:46:02+01:00""#, expected: 1_731_411_962),
            TimestampCase(name: "epoch in a string", submittedAt: #""1731411962.5""#, expected: 1731411962.5),
            TimestampCase(name: "unreadable string", submittedAt: #""yesterday""#, expected: nil),
            TimestampCase(name: "null", submittedAt: "null", expected: nil),
        ])
    func timestamps(_ testCase: TimestampCase) throws {
        let value = try json(#"{"jobId": "j", "datastoreId": "d", "submittedAt": \#(testCase.submittedAt)}"#)
        let submittedAt = try JobResponseDecoder.decodeJob(.object(["jobProperties": value])).submittedAt
        if let expected = testCase.expected {
            let actual = try #require(submittedAt)
            #expect(abs(actual - expected) < 1e-6)
        } else {
            #expect(submittedAt == nil)
        }
    }

    @Test("an unknown jobStatus is kept, not rejected")
    func unknownStatus() throws {
        let value = try json(#"{"jobSummaries": [{"jobId": "j", "datastoreId": "d", "jobStatus": "CANCELLED"}]}"#)
        let (jobs, nextToken) = try JobResponseDecoder.decodeList(value)
        #expect(jobs.first?.status == .other("CANCELLED"))
        #expect(nextToken == nil)
    }

    @Test("the last page: no nextToken, or an empty one, means stop")
    func lastPage() throws {
        #expect(try JobResponseDecoder.decodeList(json(#"{"jobSummaries": []}"#)).nextToken == nil)
        #expect(try JobResponseDecoder.decodeList(json(#"{"jobSummaries": [], "nextToken": ""}"#)).nextToken == nil)
        let tokenOnly = try JobResponseDecoder.decodeList(json(#"{"nextToken": "t2"}"#))
        #expect(tokenOnly.jobs.isEmpty && tokenOnly.nextToken == "t2")
    }

    @Test("a bare job properties object decodes like GetDICOMImportJob")
    func bareProperties() throws {
        let job = try JobResponseDecoder.decodeJob(json(#"{"jobId": "j", "datastoreId": "d", "extra": 1}"#))
        #expect(job == ImportJobObservation(jobId: "j", datastoreId: "d"))
    }

    struct FailureCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var list: Bool
        var reasonContains: String
        var testDescription: String { name }
    }

    @Test(
        "responses without job identity are errors naming the field",
        arguments: [
            FailureCase(name: "list without jobSummaries", text: "{}", list: true, reasonContains: "jobSummaries"),
            FailureCase(
                name: "jobSummaries not an array", text: #"{"jobSummaries": {}}"#, list: true,
                reasonContains: "not an array"),
            FailureCase(
                name: "summary without jobId",
                text: #"{"jobSummaries": [{"jobId": "j", "datastoreId": "d"}, {"datastoreId": "d"}]}"#,
                list: true, reasonContains: "jobSummaries[1] has no jobId"),
            FailureCase(
                name: "properties without datastoreId", text: #"{"jobProperties": {"jobId": "j"}}"#, list: false,
                reasonContains: "datastoreId"),
            FailureCase(
                name: "get without jobProperties", text: #"{"x": 1}"#, list: false, reasonContains: "jobProperties"),
            FailureCase(name: "not an object", text: "[]", list: false, reasonContains: "JSON object"),
        ])
    func failures(_ testCase: FailureCase) throws {
        let value = try json(testCase.text)
        #expect {
            if testCase.list {
                _ = try JobResponseDecoder.decodeList(value)
            } else {
                _ = try JobResponseDecoder.decodeJob(value)
            }
        } throws: { error in
            (error as? FormatError)?.reason.contains(testCase.reasonContains) == true
        }
    }
}

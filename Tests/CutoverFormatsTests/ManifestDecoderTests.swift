import CutoverCore
import CutoverFormats
import Testing

@Suite("Manifest decoder")
struct ManifestDecoderTests {
    @Test("job-output-manifest.json: counters 7/5/2/0/3 and three image sets, one non-primary")
    func fixture() throws {
        let manifest = try ManifestDecoder.decode(Fixture.bytes("job-output-manifest.json"))
        #expect(manifest.jobId == "9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c")
        #expect(manifest.datastoreId == "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b")
        #expect(manifest.inputS3Uri == "s3://acme-ahi-migration/input/batch-0042/")
        #expect(
            manifest.outputS3Uri
                == "s3://acme-ahi-migration/output/batch-0042/"
                + "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b-DicomImport-9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c/")
        #expect(manifest.numberOfScannedFiles == 7)
        #expect(manifest.numberOfImportedFiles == 5)
        #expect(manifest.numberOfFilesWithCustomerError == 2)
        #expect(manifest.numberOfFilesWithServerError == 0)
        #expect(manifest.numberOfGeneratedImageSets == 3)
        #expect(
            manifest.imageSets == [
                ManifestImageSet(
                    imageSetId: "a1b2c3d4e5f60718293a4b5c6d7e8f90", numberOfMatchedSOPInstances: 3, imageSetVersion: 1,
                    isPrimary: true),
                ManifestImageSet(
                    imageSetId: "0f9e8d7c6b5a49382716a5b4c3d2e1f0", numberOfMatchedSOPInstances: 1, imageSetVersion: 1,
                    isPrimary: false),
                ManifestImageSet(
                    imageSetId: "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", numberOfMatchedSOPInstances: 1, imageSetVersion: 2,
                    isPrimary: true),
            ])
        #expect(manifest.imageSets.filter { $0.isPrimary == false }.count == 1)
    }

    struct TolerantCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: JobManifest
        var testDescription: String { name }
    }

    @Test(
        "tolerates missing and retyped fields",
        arguments: [
            TolerantCase(
                name: "counters and image sets missing",
                text: #"{"jobSummary": {"jobId": "j1", "datastoreId": "d1"}}"#,
                expected: JobManifest(jobId: "j1", datastoreId: "d1")),
            TolerantCase(
                name: "older image set entries without version or isPrimary",
                text: #"""
                    {"jobSummary": {"jobId": "j1", "datastoreId": "d1", "numberOfScannedFiles": 4,
                     "imageSetsSummary": [{"imageSetId": "i1", "numberOfMatchedSOPInstances": 4}]}}
                    """#,
                expected: JobManifest(
                    jobId: "j1", datastoreId: "d1", numberOfScannedFiles: 4,
                    imageSets: [ManifestImageSet(imageSetId: "i1", numberOfMatchedSOPInstances: 4)])),
            TolerantCase(
                name: "version as a string, Python booleans, unknown keys",
                text: #"""
                    {"jobSummary": {"jobId": "j1", "datastoreId": "d1", "checksums": {"x": 1},
                     "imageSetsSummary": [{"imageSetId": "i1", "imageSetVersion": "2", "isPrimary": False}]}}
                    """#,
                expected: JobManifest(
                    jobId: "j1", datastoreId: "d1",
                    imageSets: [
                        ManifestImageSet(
                            imageSetId: "i1", numberOfMatchedSOPInstances: 0, imageSetVersion: 2, isPrimary: false)
                    ])),
            TolerantCase(
                name: "image set entries without an id are skipped",
                text: #"{"jobSummary": {"jobId": "j1", "datastoreId": "d1", "imageSetsSummary": [{}, 3]}}"#,
                expected: JobManifest(jobId: "j1", datastoreId: "d1")),
            TolerantCase(
                name: "ids recovered from the job folder in outputS3Uri",
                text: #"{"jobSummary": {"outputS3Uri": "s3://b/out/abc123-DicomImport-job9/"}}"#,
                expected: JobManifest(
                    jobId: "job9", datastoreId: "abc123", outputS3Uri: "s3://b/out/abc123-DicomImport-job9/")),
            TolerantCase(
                name: "bare summary without the jobSummary wrapper",
                text: #"{"jobId": "j1", "datastoreId": "d1", "numberOfImportedFiles": 9}"#,
                expected: JobManifest(jobId: "j1", datastoreId: "d1", numberOfImportedFiles: 9)),
            TolerantCase(
                name: "byte order mark",
                text: "\u{FEFF}{\"jobSummary\": {\"jobId\": \"j1\", \"datastoreId\": \"d1\"}}",
                expected: JobManifest(jobId: "j1", datastoreId: "d1")),
        ])
    func tolerant(_ testCase: TolerantCase) throws {
        #expect(try ManifestDecoder.decode(Array(testCase.text.utf8)) == testCase.expected)
    }

    struct FailureCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var reasonContains: String
        var testDescription: String { name }
    }

    @Test(
        "unusable manifests are errors with a plain reason",
        arguments: [
            FailureCase(
                name: "no job id anywhere", text: #"{"jobSummary": {"datastoreId": "d1"}}"#, reasonContains: "jobId"),
            FailureCase(
                name: "no datastore id", text: #"{"jobSummary": {"jobId": "j1"}}"#, reasonContains: "datastoreId"),
            FailureCase(name: "not an object", text: "[1, 2]", reasonContains: "jobSummary"),
            FailureCase(
                name: "cut short while uploading", text: #"{"jobSummary": {"jobId": "#, reasonContains: "ended"),
            FailureCase(
                name: "not JSON", text: "<Error><Code>NoSuchKey</Code></Error>", reasonContains: "not valid JSON"),
        ])
    func failures(_ testCase: FailureCase) {
        #expect {
            try ManifestDecoder.decode(Array(testCase.text.utf8))
        } throws: { error in
            (error as? FormatError)?.reason.contains(testCase.reasonContains) == true
        }
    }
}

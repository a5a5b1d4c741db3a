import CutoverCore
import CutoverFormats
import Testing

@Suite("Event decoder")
struct EventDecoderTests {
    static func fixtureEvents() throws -> [ImagingEvent] {
        let elements = try #require(Fixture.document("events.json").array)
        return try elements.map { try EventDecoder.decode($0) }
    }

    @Test("events.json: nineteen events, one per detail-type")
    func allDetailTypes() throws {
        let events = try Self.fixtureEvents()
        #expect(events.count == 19)
        #expect(Set(events.map(\.detailType)).count == 19)
        #expect(events.filter { $0.group == .datastore }.count == 5)
        #expect(events.filter { $0.group == .importJob }.count == 4)
        #expect(events.filter { $0.group == .imageSet }.count == 10)
        #expect(events.allSatisfy { $0.source == "aws.medical-imaging" && $0.account == "111122223333" })
        #expect(events.allSatisfy { $0.region == "us-east-1" && $0.resources.count == 1 })
        #expect(events[0].id == "0b9d2c6e-1f3a-4c5b-9e8d-7a6b5c4d3e21")
        #expect(events[0].time == "2024-11-12T09:00:01Z")
        #expect(
            events[0].detail
                == ImagingEventDetail(
                    datastoreId: "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b", datastoreName: "migration-prod",
                    datastoreStatus: "CREATING"))
    }

    @Test("import job event detail")
    func importJobDetail() throws {
        let event = try #require(try Self.fixtureEvents().first { $0.detailType == "Import Job Failed" })
        #expect(
            event.detail
                == ImagingEventDetail(
                    datastoreId: "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b", jobId: "3c5e7a9b1d3f5e7a9c1b3d5f7e9a1c3e",
                    jobName: "batch-0040", jobStatus: "FAILED", inputS3Uri: "s3://acme-ahi-migration/input/batch-0040/",
                    outputS3Uri: "s3://acme-ahi-migration/output/batch-0040/"
                        + "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b-DicomImport-3c5e7a9b1d3f5e7a9c1b3d5f7e9a1c3e/"))
    }

    struct ImageSetCase: CustomTestStringConvertible, Sendable {
        var detailType: String
        var imageSetId: String
        var isPrimary: Bool?
        var version: Int?
        var testDescription: String { detailType }
    }

    @Test(
        "image set events: both id spellings, string versions, optional isPrimary",
        arguments: [
            ImageSetCase(
                detailType: "Image Set Created", imageSetId: "0f9e8d7c6b5a49382716a5b4c3d2e1f0", isPrimary: false,
                version: 1),
            ImageSetCase(
                detailType: "Image Set Copied", imageSetId: "d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9", isPrimary: true,
                version: 1),
            ImageSetCase(
                detailType: "Image Set Updated", imageSetId: "a1b2c3d4e5f60718293a4b5c6d7e8f90", isPrimary: true,
                version: 2),
            ImageSetCase(
                detailType: "Image Set Deleted", imageSetId: "0f9e8d7c6b5a49382716a5b4c3d2e1f0", isPrimary: nil,
                version: nil),
        ])
    func imageSetEvents(_ testCase: ImageSetCase) throws {
        let event = try #require(try Self.fixtureEvents().first { $0.detailType == testCase.detailType })
        #expect(event.detail.imageSetId == testCase.imageSetId)
        #expect(event.detail.isPrimary == testCase.isPrimary)
        #expect(event.detail.imageSetVersion == testCase.version)
        #expect(event.detail.datastoreId == "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b")
    }

    static let envelope = #""id": "e1", "detail-type": "Image Set Created", "time": "2024-11-12T11:55:10Z""#

    struct VariantCase: CustomTestStringConvertible, Sendable {
        var name: String
        var detail: String
        var expected: ImagingEventDetail
        var testDescription: String { name }
    }

    @Test(
        "detail variants",
        arguments: [
            VariantCase(
                name: "isPrimary as a string", detail: #"{"isPrimary": "false"}"#,
                expected: ImagingEventDetail(isPrimary: false)),
            VariantCase(
                name: "isPrimary as a Python literal", detail: #"{"isPrimary": True}"#,
                expected: ImagingEventDetail(isPrimary: true)),
            VariantCase(
                name: "imageSetVersion as an integer", detail: #"{"imageSetVersion": 4}"#,
                expected: ImagingEventDetail(imageSetVersion: 4)),
            VariantCase(
                name: "both id spellings: imageSetId wins", detail: #"{"imagesetId": "old", "imageSetId": "new"}"#,
                expected: ImagingEventDetail(imageSetId: "new")),
            VariantCase(
                name: "unknown keys ignored", detail: #"{"imagingVersion": "1.0", "future": {"a": [1]}}"#,
                expected: ImagingEventDetail()),
            VariantCase(name: "detail not an object", detail: "null", expected: ImagingEventDetail()),
        ])
    func variants(_ testCase: VariantCase) throws {
        let event = try EventDecoder.decode(json("{\(Self.envelope), \"detail\": \(testCase.detail)}"))
        #expect(event.detail == testCase.expected)
    }

    @Test("an unknown detail-type decodes and groups as other")
    func unknownDetailType() throws {
        let event = try EventDecoder.decode(
            json(#"{"id": "e", "detail-type": "Image Set Imported For Study Consistency", "time": "t", "x": 1}"#))
        #expect(event.detailType == "Image Set Imported For Study Consistency")
        #expect(event.group == .imageSet)
        let other = try EventDecoder.decode(json(#"{"id": "e", "detail-type": "Quota Changed", "time": "t"}"#))
        #expect(other.group == .other)
        #expect(other.source == "" && other.account == nil && other.resources.isEmpty)
    }

    @Test(
        "envelopes missing id, detail-type or time are errors naming the field",
        arguments: [
            (#"{"detail-type": "D", "time": "t"}"#, "id"),
            (#"{"id": "", "detail-type": "D", "time": "t"}"#, "id"),
            (#"{"id": "e", "time": "t"}"#, "detail-type"),
            (#"{"id": "e", "detail-type": "D", "time": 1731411962}"#, "time"),
            ("[]", "JSON object"),
        ])
    func missingEnvelopeFields(_ text: String, _ field: String) throws {
        let value = try json(text)
        #expect {
            try EventDecoder.decode(value)
        } throws: { error in
            (error as? FormatError)?.reason.contains(field) == true
        }
    }

    @Test("resources keeps only strings")
    func resources() throws {
        let event = try EventDecoder.decode(json("{\(Self.envelope), \"resources\": [\"arn:a\", 3, null, \"arn:b\"]}"))
        #expect(event.resources == ["arn:a", "arn:b"])
    }
}

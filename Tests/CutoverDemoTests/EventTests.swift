import Foundation
import Testing

@testable import CutoverDemo

@Suite("EventBridge event files")
struct EventTests {
    let folder = Fixture.demo

    @Test("events exist in every layout: Firehose (plain and gzip), NDJSON stream, arrays and single objects")
    func allLayouts() throws {
        let files = folder.files(under: "events")
        let firehose = files.filter { $0.hasPrefix("events/firehose/") }
        #expect(firehose.contains { $0.hasSuffix(".gz") })
        #expect(firehose.contains { !$0.hasSuffix(".gz") })
        // events/firehose/YYYY/MM/dd/HH/<stream>-1-YYYY-MM-dd-HH-mm-ss-<uuid>[.gz]
        let pattern = #/^events/firehose/\d{4}(/\d{2}){3}/[a-z-]+-1-\d{4}(-\d{2}){5}-[0-9a-f-]{36}(\.gz)?$/#
        #expect(firehose.allSatisfy { $0.wholeMatch(of: pattern) != nil })
        #expect(files.contains("events/stream/events.ndjson"))
        #expect(files.contains { $0.hasPrefix("events/array/") && $0.hasSuffix(".json") })
        #expect(files.contains { $0.hasPrefix("events/single/") && $0.hasSuffix(".json") })
        let plain = try #require(firehose.first { !$0.hasSuffix(".gz") })
        let raw = try #require(folder.data(plain))
        #expect(!raw.contains(10), "Firehose objects have no delimiter")
    }

    @Test("every event has the EventBridge envelope of aws.medical-imaging in ap-southeast-2")
    func envelope() throws {
        let plan = Fixture.demoPlan
        let events = try EventFiles(folder)
        #expect(events.unique.count == plan.events.count)
        for e in events.delivered {
            #expect(e.event["version"] as? String == "0")
            #expect(e.event["source"] as? String == "aws.medical-imaging")
            #expect(e.event["region"] as? String == "ap-southeast-2")
            #expect((e.event["account"] as? String)?.count == 12)
            #expect((e.event["time"] as? String)?.hasSuffix("Z") == true)
            let resources = try #require(e.event["resources"] as? [String])
            #expect(resources.count == 1 && resources[0].hasPrefix("arn:aws:medical-imaging:ap-southeast-2:"))
            #expect(e.detail["imagingVersion"] as? String == "1.0")
            #expect(e.detail["datastoreId"] as? String == plan.datastoreId)
        }
    }

    @Test("each job has its status changes: Submitted, In Progress, and Completed or Failed")
    func jobEvents() throws {
        let events = Array(try EventFiles(folder).unique.values)
        let jobs = Fixture.demoPlan.jobCount
        func count(_ type: String) -> Int { events.filter { $0.detailType == type }.count }
        #expect(count("Import Job Submitted") == jobs)
        #expect(count("Import Job In Progress") == jobs)
        #expect(count("Import Job Completed") == jobs - 2)
        #expect(count("Import Job Failed") == 1)
        #expect(count("Image Set Updated") >= 1, "the retry job appends to an existing image set")
        let created = events.filter { $0.detailType == "Image Set Created" }
        #expect(created.count > 1_000)
        #expect(created.allSatisfy { ($0.event["resources"] as? [String])?.first?.contains("/imageset/") == true })
    }

    @Test("some events are delivered twice, in two layouts, with the same id")
    func duplicates() throws {
        let delivered = try EventFiles(folder).delivered
        let layoutsById = Dictionary(grouping: delivered, by: \.id).mapValues { Set($0.map(\.layout)) }
        #expect(layoutsById.values.contains { $0.count >= 2 })
    }

    @Test("image set events use both imageSetId spellings and a string imageSetVersion")
    func imageSetVariants() throws {
        let imageSetEvents = try EventFiles(folder).delivered.filter { $0.detailType.hasPrefix("Image Set") }
        #expect(imageSetEvents.contains { $0.detail["imageSetId"] != nil })
        #expect(imageSetEvents.contains { $0.detail["imagesetId"] != nil })
        #expect(imageSetEvents.allSatisfy { ($0.detail["imageSetId"] ?? $0.detail["imagesetId"]) is String })
        #expect(
            imageSetEvents.allSatisfy { $0.detail["imageSetVersion"] == nil || $0.detail["imageSetVersion"] is String })
        #expect(imageSetEvents.contains { $0.detail["imageSetVersion"] == nil }, "some omit the optional fields")
        #expect(imageSetEvents.contains { $0.detail["isPrimary"] as? Bool == false })
    }

    @Test("non-primary image set events match non-primary result lines")
    func nonPrimaryEventsMatchLines() throws {
        var nonPrimarySets = Set<String>()
        for job in folder.jobFolders() {
            for line in try folder.ndjson(job.successPath) + folder.ndjson(job.warningPath) {
                let response = line["importResponse"] as? [String: Any] ?? [:]
                if response["isPrimary"] as? Bool == false, let id = response["imageSetId"] as? String {
                    nonPrimarySets.insert(id)
                }
            }
        }
        let events = try EventFiles(folder).unique.values.filter { $0.detail["isPrimary"] as? Bool == false }
        let eventSets = Set(events.compactMap { ($0.detail["imageSetId"] ?? $0.detail["imagesetId"]) as? String })
        #expect(!nonPrimarySets.isEmpty)
        #expect(eventSets == nonPrimarySets)
    }
}

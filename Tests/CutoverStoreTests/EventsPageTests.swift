import CutoverCore
import CutoverStore
import Testing

/// The Events page: newest first, each event once, filterable by type, job, image set and status.
@Suite struct EventsPageTests {
    let store: TemporaryDatabase

    init() throws {
        store = try TemporaryDatabase()
        let events = [
            ImagingEvent(
                id: "e1", detailType: "Import Job Submitted", source: "aws.medical-imaging", time: "2026-11-28T10:00:00Z",
                detail: ImagingEventDetail(datastoreId: "ds", jobId: "job1", jobStatus: "SUBMITTED")),
            ImagingEvent(
                id: "e2", detailType: "Image Set Created", source: "aws.medical-imaging", time: "2026-11-28T10:01:00Z",
                detail: ImagingEventDetail(datastoreId: "ds", imageSetId: "set9", isPrimary: false,
                                           imageSetWorkflowStatus: "CREATED")),
            ImagingEvent(
                id: "e3", detailType: "Import Job Completed", source: "aws.medical-imaging", time: "2026-11-28T10:02:00Z",
                detail: ImagingEventDetail(datastoreId: "ds", jobId: "job1", jobStatus: "COMPLETED")),
        ]
        try store.database.ingest { s in
            let file = try s.save(FileCursor(path: "events.ndjson", kind: "events"))
            for (n, event) in (events + [events[0]]).enumerated() { try s.add(event, file: file, line: n + 1) }
        }
    }

    @Test func newestFirstAndEachEventOnce() throws {
        let page = try store.database.eventsPage(PageRequest())
        #expect(page.total == 3)
        #expect(page.rows.map(\.detailType) == ["Import Job Completed", "Image Set Created", "Import Job Submitted"])
        #expect(
            page.rows[1]
                == EventRow(
                    seq: page.rows[1].seq, epoch: 1_795_860_060, time: "2026-11-28T10:01:00Z",
                    detailType: "Image Set Created", imageSetId: "set9", status: "CREATED", isPrimary: false))
        #expect(page.rows[0].jobId == "job1" && page.rows[0].status == "COMPLETED" && page.rows[0].isPrimary == nil)
        #expect(page.rows.map(\.seq) == page.rows.map(\.seq).sorted(by: >))
    }

    @Test(arguments: [
        ("detail type", "import job", ["Import Job Completed", "Import Job Submitted"]),
        ("job id", "JOB1", ["Import Job Completed", "Import Job Submitted"]),
        ("image set id", "set9", ["Image Set Created"]),
        ("status", "submitted", ["Import Job Submitted"]),
        ("nothing", "zzz", []),
    ])
    func filter(_ name: String, _ filter: String, _ expected: [String]) throws {
        let page = try store.database.eventsPage(PageRequest(filter: filter))
        #expect(page.rows.map(\.detailType) == expected, "\(name)")
        #expect(page.total == expected.count)
    }

    @Test func theLimitKeepsTheNewest() throws {
        let page = try store.database.eventsPage(PageRequest(limit: 1))
        #expect(page.rows.map(\.detailType) == ["Import Job Completed"])
        #expect(page.total == 3)
    }
}

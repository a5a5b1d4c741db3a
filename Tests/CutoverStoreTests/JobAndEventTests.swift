import CutoverCore
import CutoverStore
import Foundation
import Testing

@Suite struct JobAndEventTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    private func event(_ id: String, _ type: String, status: String, time: String) -> ImagingEvent {
        ImagingEvent(
            id: id, detailType: type, source: "aws.medical-imaging", time: time, region: "ap-southeast-2",
            detail: ImagingEventDetail(datastoreId: "ds1", jobId: "job1", jobStatus: status))
    }

    @Test func aDuplicateEventIdIsStoredOnce() throws {
        let added = try store.database.ingest { s -> [Bool] in
            let file = try s.save(FileCursor(path: "events", kind: "events-stream"))
            let e = event("e1", "Import Job Submitted", status: "SUBMITTED", time: "2026-11-28T10:00:00Z")
            return [try s.add(e, file: file, line: 1), try s.add(e, file: file, line: 2)]
        }
        #expect(added == [true, false])
        #expect(try store.database.status().events == 1)
    }

    @Test func aJobStatusNeverMovesBackWhenEventsArriveOutOfOrder() throws {
        try store.database.ingest { s in
            let file = try s.save(FileCursor(path: "events", kind: "events-stream"))
            try s.add(event("e3", "Import Job Completed", status: "COMPLETED", time: "2026-11-28T10:05:00Z"), file: file, line: 1)
            try s.add(event("e2", "Import Job In Progress", status: "IN_PROGRESS", time: "2026-11-28T10:01:00Z"), file: file, line: 2)
            try s.add(event("e1", "Import Job Submitted", status: "SUBMITTED", time: "2026-11-28T10:00:00Z"), file: file, line: 3)
        }
        #expect(try store.database.status().jobs == ["COMPLETED": 1])
    }

    @Test func aManifestSetsCountersAndNonPrimaryImageSets() throws {
        try store.database.ingest { s in
            try s.apply(JobManifest(
                jobId: "job1", datastoreId: "ds1", numberOfScannedFiles: 7, numberOfImportedFiles: 5,
                numberOfFilesWithCustomerError: 2, numberOfGeneratedImageSets: 2,
                imageSets: [ManifestImageSet(imageSetId: "a", numberOfMatchedSOPInstances: 3, imageSetVersion: 1, isPrimary: true),
                            ManifestImageSet(imageSetId: "b", numberOfMatchedSOPInstances: 1, imageSetVersion: 1, isPrimary: false)]))
        }
        let status = try store.database.status()
        #expect(status.nonPrimaryImageSets == 1)
        #expect(status.imageSets == 2)
    }

    @Test func aReadOnlyDatabaseRefusesWritesAtTheConnection() throws {
        let readOnly = try CutoverDatabase(path: store.path, readOnly: true)
        #expect(throws: StoreError.readOnly(path: store.path)) {
            try readOnly.ingest { s in _ = try s.job(jobId: "x", datastoreId: "y") }
        }
    }

    @Test func aMissingDatabaseFileIsOneClearSentenceInReadOnlyMode() throws {
        let path = store.folder.appendingPathComponent("nope.sqlite").path
        #expect(throws: StoreError.cannotOpen(path: path, reason: "no such file")) {
            _ = try CutoverDatabase(path: path, readOnly: true)
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamed() throws {
        let path = store.folder.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notACutoverDatabase(path: path)) {
            _ = try CutoverDatabase(path: path)
        }
    }
}

import CutoverSources
import CutoverStore
import GRDB
import Testing

@Suite struct FolderIngestTests {
    let tree: SourceTree
    let ingestor: FolderIngestor

    init() throws {
        tree = try SourceTree()
        ingestor = FolderIngestor(database: tree.database, batchLines: 4)
    }

    @discardableResult
    func ingest() throws -> IngestReport {
        try ingestor.ingest(paths: [tree.root.path], now: { 1_800_000_000 })
    }

    @Test func batchesSmallerThanAFileStillReadEveryLineOnce() throws {
        let file = "\(tree.jobFolder("job1"))/SUCCESS/success.ndjson"
        try tree.write(file, (0..<11).map { SourceTree.success("k\($0)") }.joined())
        #expect(try ingest().stats.results == [11, 0, 0])
        #expect(try ingest().stats.results == [0, 0, 0])
        #expect(try tree.database.status().resultLines.success == 11)
    }

    @Test func aPassToldToStopLeavesTheRestForTheNextOne() throws {
        for job in ["job1", "job2", "job3"] {
            try tree.write(
                "\(tree.jobFolder(job))/SUCCESS/success.ndjson",
                (0..<6).map { SourceTree.success("\(job)/k\($0)") }.joined())
        }
        var batches = 0
        let first = try ingestor.ingest(paths: [tree.root.path], now: { 1_800_000_000 }) {
            batches += 1
            return batches > 2
        }
        #expect(first.filesLeft > 0)
        let stored = first.stats.results[0]
        #expect(stored > 0 && stored < 18)
        #expect(try tree.database.status().resultLines.success == stored)
        let second = try ingest()
        #expect(second.filesLeft == 0)
        #expect(second.stats.results[0] == 18 - stored)
        #expect(try tree.database.status().resultLines.success == 18)
        #expect(try tree.database.status().results.success == 18)
        // Each pass is recorded with the rows it added; the stopped one says what it left.
        let polls = try tree.database.read { db in
            try Row.fetchAll(db, sql: "SELECT new_rows, message FROM polls ORDER BY id")
        }
        #expect(polls.map { $0["new_rows"] as Int } == [first.stats.newRows, second.stats.newRows])
        let stoppedNote = polls.first.flatMap { $0["message"] as String? }
        #expect(stoppedNote?.hasSuffix("changed files left for the next pass") == true)
        #expect(polls.last.flatMap { $0["message"] as String? } == nil)
    }

    @Test func aRewrittenShorterFileIsReadAgainWithoutDoubleCounting() throws {
        let file = "\(tree.jobFolder("job1"))/SUCCESS/success.ndjson"
        try tree.write(file, (0..<6).map { SourceTree.success("k\($0)") }.joined())
        try ingest()
        try tree.write(file, (0..<3).map { SourceTree.success("k\($0)") }.joined())
        try ingest()
        let status = try tree.database.status()
        #expect(status.resultLines.success == 3)
        #expect(status.results.success == 3)
    }

    @Test func eventsAppendedToAStreamAreReadIncrementallyAndAHalfEventWaits() throws {
        func event(_ id: Int, _ status: String) -> String {
            #"{"version":"0","id":"e\#(id)","detail-type":"Import Job \#(status == "SUBMITTED" ? "Submitted" : "Completed")","source":"aws.medical-imaging","time":"2026-11-28T10:0\#(id):00Z","region":"ap-southeast-2","resources":[],"detail":{"imagingVersion":"1.0","datastoreId":"\#(SourceTree.datastore)","jobId":"job\#(id)","jobStatus":"\#(status)"}}"#
        }
        try tree.write("events/stream.ndjson", event(1, "SUBMITTED") + "\n" + event(2, "COMPLETED") + "\n")
        #expect(try ingest().stats.eventsAdded == 2)
        let third = event(3, "COMPLETED")
        try tree.append("events/stream.ndjson", String(third.prefix(40)))
        #expect(try ingest().stats.eventsAdded == 0)
        try tree.append("events/stream.ndjson", String(third.dropFirst(40)) + "\n")
        let report = try ingest()
        #expect(report.stats.eventsAdded == 1)
        #expect(report.stats.eventsDuplicate == 0)
        #expect(try tree.database.status().jobs == ["SUBMITTED": 1, "COMPLETED": 2])
    }

    @Test func aMalformedEventInAFirehoseObjectIsQuarantinedWithItsLine() throws {
        let good = #"{"version":"0","id":"e1","detail-type":"Import Job Submitted","source":"aws.medical-imaging","time":"2026-11-28T10:00:00Z","detail":{"datastoreId":"d","jobId":"j","jobStatus":"SUBMITTED"}}"#
        let good2 = good.replacingOccurrences(of: "\"e1\"", with: "\"e2\"")
        try tree.write("events/fh-1-2026-11-28-10-00-00-x", good + "\n{\"version\":\"0\",\"id\":}" + good2)
        let report = try ingest()
        #expect(report.stats.eventsAdded == 2)
        #expect(report.quarantined.map(\.line) == [2])
        #expect(report.quarantined.first?.path.hasSuffix("events/fh-1-2026-11-28-10-00-00-x") == true)
    }

    @Test func anEventFromAnotherSourceIsCountedAndIgnored() throws {
        try tree.write("events/other.json", #"{"version":"0","id":"x","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","time":"2026-11-28T10:00:00Z","detail":{}}"#)
        let report = try ingest()
        #expect(report.eventsIgnored == 1)
        #expect(try tree.database.status().events == 0)
    }
}

import CutoverCore
import CutoverSources
import CutoverStore
import Foundation
import Testing

/// A cohort's retry batch: keys.txt and commands.sh beside the database, findings retry-queued.
@Suite struct RetryBatchTests {
    let fixture: ActionFixture
    let ana = Actor(name: "ana")

    init() throws { fixture = try ActionFixture() }

    private func retry(dryRun: Bool) throws -> RetryBatch {
        try CohortActions.writeRetryBatch(
            cohort: "ed", reason: "transient", expectedRevision: nil, actor: ana, database: fixture.database,
            config: nil, dryRun: dryRun)
    }

    @Test func aDryRunCountsAndChangesNothing() throws {
        let batch = try retry(dryRun: true)
        #expect(batch.keys == ["input/ed/S1/A/2.dcm", "input/ed/S1/A/3.dcm"])
        #expect(batch.countsText == "1 customer-error, 1 missing")
        #expect(batch.folder == nil && batch.name == nil)
        #expect(try fixture.database.findings(cohort: "ed", state: .retryQueued).isEmpty)
    }

    @Test func aBatchWritesItsFilesAndQueuesItsFindings() throws {
        let batch = try retry(dryRun: false)
        let folder = try #require(batch.folder)
        let name = try #require(batch.name)
        #expect(name.hasPrefix("ed-retry-") && folder.hasSuffix("retries/\(name)"))
        let keys = try String(contentsOfFile: folder + "/keys.txt", encoding: .utf8)
        #expect(keys == "input/ed/S1/A/2.dcm\ninput/ed/S1/A/3.dcm\n")
        let script = try String(contentsOfFile: folder + "/commands.sh", encoding: .utf8)
        #expect(script.contains("aws s3 cp 's3://bucket/input/ed/S1/A/2.dcm' 's3://bucket/retry/\(name)/input/ed/S1/A/2.dcm'"))
        #expect(script.contains("--client-token '\(batch.clientToken ?? "?")'"))
        #expect(script.contains("--datastore-id ds1"))
        #expect(try fixture.database.findings(cohort: "ed", state: .retryQueued).map(\.subject).sorted() == batch.keys)
        #expect(try fixture.database.auditEntries(cohort: "ed").last?.action == "retry")
        // Queued findings are not retried again.
        #expect(try retry(dryRun: false).keys.isEmpty)
    }
}

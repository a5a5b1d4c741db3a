import CutoverCore
import CutoverFormats
import Foundation
import GRDB
import Testing

@testable import CutoverStore

/// Cohort digests: computed once per data generation, stored for readers, equal to the live figures.
@Suite struct CohortDigestTests {
    let fixture: PageFixture

    init() throws { fixture = try PageFixture() }

    private func generation() throws -> Int64 {
        try fixture.database.read { try CutoverDatabase.generation($0) }
    }

    /// One more instance for cohort `ed` (7 become 8), written the way an inventory import writes it.
    private func addOneInventoryRow() throws {
        try fixture.database.inventory { writer in
            try writer.add(
                InventoryRecord(
                    inputKey: "input/ed/S9/Z/1.dcm", studyInstanceUID: "S9", seriesInstanceUID: "S9.Z",
                    sopInstanceUID: "sop-9"))
        }
    }

    private func stored() throws -> [Int64] {
        try fixture.database.read { try Int64.fetchAll($0, sql: "SELECT generation FROM cohort_digests ORDER BY cohort") }
    }

    @Test func digestsEqualTheLiveSummariesAndAreStoredForTheGeneration() throws {
        let digests = try fixture.database.cohortDigests()
        let live = try fixture.database.read { try fixture.database.liveCohortSummaries($0) }
        #expect(digests.values.map(\.summary).sorted { $0.name < $1.name } == live)
        #expect(Set(digests.keys) == ["ed", "cardio"])
        #expect(digests["ed"]?.summary.expected.instances == 7)
        #expect(try stored() == [try generation(), try generation()])
    }

    @Test func syntaxCountsEqualSQLGroupingOverTheInventory() throws {
        let syntaxes = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.90", nil]
        let classes = ["1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", nil]
        try fixture.database.inventory { writer in
            for n in 0..<30 {
                try writer.add(
                    InventoryRecord(
                        inputKey: "input/ed/T\(n % 4)/\(n).dcm", studyInstanceUID: "T\(n % 4)",
                        seriesInstanceUID: "T\(n % 4).1", sopInstanceUID: "t-\(n)", sopClassUID: classes[n % 3],
                        transferSyntaxUID: syntaxes[n / 3 % 3]))
            }
        }
        let grouped = try fixture.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT transfer_syntax_uid, sop_class_uid, count(*) AS n FROM inventory
                    WHERE cohort = (SELECT id FROM cohorts WHERE name = 'ed') GROUP BY 1, 2 ORDER BY 1, 2
                    """
            ).map { CohortDigest.SyntaxCount(transferSyntax: $0[0], sopClass: $0[1], instances: $0["n"]) }
        }
        #expect(grouped.count > 5)
        #expect(try fixture.database.cohortDigests()["ed"]?.syntaxes == grouped)
    }

    @Test func everyDataWriteAdvancesTheGenerationAndStalesTheDigests() throws {
        _ = try fixture.database.cohortDigests()
        var last = try generation()
        let writes: [(String, () throws -> Void)] = [
            ("cohort definition", { try fixture.database.defineCohort(name: "more", .prefix("input/more/")) }),
            ("inventory import", { try addOneInventoryRow() }),
            ("ingest with a new job", {
                try fixture.database.ingest { s in
                    _ = try s.merge(ImportJobObservation(jobId: "job-new", datastoreId: "ds", status: .submitted))
                }
            }),
            ("a results file rewritten empty", {
                try fixture.database.ingest { s in
                    try s.discardResults(ofFile: #require(try s.cursor(path: "results")))
                }
            }),
        ]
        for (name, write) in writes {
            try write()
            let now = try generation()
            #expect(now > last, "\(name)")
            #expect(try stored().allSatisfy { $0 < now }, "\(name)")
            _ = try fixture.database.cohortDigests()
            #expect(try stored().allSatisfy { $0 == now }, "\(name)")
            last = now
        }
        #expect(try fixture.database.cohortDigests()["ed"]?.summary.expected.instances == 8)
    }

    @Test func anIngestThatBringsNothingKeepsTheGeneration() throws {
        let before = try generation()
        try fixture.database.ingest { s in
            try s.recordPoll(source: "local", startedAt: 1, finishedAt: 2, ok: true, message: nil)
        }
        #expect(try generation() == before)
    }

    @Test func aReadOnlyHandleComputesWithoutStoring() throws {
        try fixture.database.write { try $0.execute(sql: "DELETE FROM cohort_digests") }
        let reader = try CutoverDatabase(path: fixture.database.path, readOnly: true)
        #expect(try reader.cohortDigests().count == 2)
        #expect(try stored().isEmpty)
    }

    @Test func aReadOnlyHandleShowsTheDigestsTheWriterStoredLastUntilItStoresNewerOnes() throws {
        _ = try fixture.database.cohortDigests()
        let reader = try CutoverDatabase(path: fixture.database.path, readOnly: true)
        #expect(try reader.cohortDigests()["ed"]?.summary.expected.instances == 7)

        // A writer adds data but has not refreshed the digests yet (a poll in progress): the reader keeps
        // showing the stored ones instead of scanning the big tables on every page load.
        try addOneInventoryRow()
        #expect(try reader.cohortDigests()["ed"]?.summary.expected.instances == 7)

        // The poll ends and the writer stores fresh digests: the reader picks them up.
        try fixture.database.refreshCohortDigests()
        #expect(try reader.cohortDigests()["ed"]?.summary.expected.instances == 8)
    }

    @Test func aReadOnlyHandleDecodesTheStoredDigestsOncePerGeneration() throws {
        _ = try fixture.database.cohortDigests()
        let reader = try CutoverDatabase(path: fixture.database.path, readOnly: true)
        let later = Date().timeIntervalSince1970 + CutoverDatabase.digestLag + 1
        #expect(try reader.cohortDigests(now: later)["ed"]?.summary.expected.instances == 7)
        // The stored text changes under the same generation (no writer does this): the reader does not read it
        // again, as every gate on every page load asks for the digests.
        try fixture.database.write { db in
            try db.execute(sql: "UPDATE cohort_digests SET digest = replace(digest, '\"instances\":7', '\"instances\":9')")
        }
        #expect(try reader.cohortDigests(now: later)["ed"]?.summary.expected.instances == 7)
        #expect(try CutoverDatabase(path: fixture.database.path, readOnly: true)
            .cohortDigests(now: later)["ed"]?.summary.expected.instances == 9)
    }

    @Test func aWritableHandleNeverShowsStaleDigests() throws {
        _ = try fixture.database.cohortDigests()
        let other = try CutoverDatabase(path: fixture.database.path)
        try addOneInventoryRow()
        #expect(try other.cohortDigests()["ed"]?.summary.expected.instances == 8)
    }

    @Test func aReadOnlyHandleComputesWhenTheStoredDigestsAreOlderThanAMinute() throws {
        _ = try fixture.database.cohortDigests()
        try addOneInventoryRow()
        // The writer stopped before refreshing; a minute on, nobody is about to store newer digests.
        let reader = try CutoverDatabase(path: fixture.database.path, readOnly: true)
        let later = Date().timeIntervalSince1970 + CutoverDatabase.digestLag + 1
        #expect(try reader.cohortDigests(now: later)["ed"]?.summary.expected.instances == 8)
    }
}

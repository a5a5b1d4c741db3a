import CutoverCore
import CutoverFormats
import CutoverStore
import Testing

/// Cohorts on the inventory, and how far each got at study, series and instance level.
@Suite struct CohortTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    /// Two cohorts by prefix: ed (study S1 with series A (2 instances) and B (1)); cardio (study S2, one series).
    private func loadInventory(cohortColumn: Bool = false) throws {
        let rows: [(String, String, String)] = [
            ("input/ed/S1/A/1.dcm", "S1", "A"), ("input/ed/S1/A/2.dcm", "S1", "A"), ("input/ed/S1/B/1.dcm", "S1", "B"),
            ("input/ed/S3/C/1.dcm", "S3", "C"), ("input/cardio/S2/D/1.dcm", "S2", "D"),
        ]
        try store.database.inventory { writer in
            for (key, study, series) in rows {
                try writer.add(
                    InventoryRecord(
                        inputKey: key, studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: key,
                        cohort: cohortColumn ? (key.contains("/ed/") ? "ed" : "cardio") : nil))
            }
        }
    }

    private func results(_ keys: [(String, Outcome)]) throws {
        try store.database.ingest { s in
            let job = try s.merge(
                ImportJobObservation(
                    jobId: "job1", datastoreId: "ds", status: .completed, submittedAt: 1,
                    inputS3Uri: "s3://bucket/input/ed/"))
            let file = try s.save(FileCursor(path: "f", kind: "success"))
            for (n, (key, outcome)) in keys.enumerated() {
                try s.addResult(
                    ResultLine(inputFile: key, outcome: outcome, imageSetId: outcome == .failure ? nil : "set1",
                               isPrimary: true), job: job, file: file, line: n + 1)
            }
        }
    }

    @Test func countsAtEachLevelOnlyCountCompleteSeriesAndStudies() throws {
        try loadInventory()
        try store.database.defineCohort(name: "ed", .prefix("input/ed/"))
        try results([("input/ed/S1/A/1.dcm", .success), ("input/ed/S1/A/2.dcm", .warning),
                     ("input/ed/S1/B/1.dcm", .failure), ("input/ed/S3/C/1.dcm", .success)])
        let ed = try #require(try store.database.cohortSummary(named: "ed"))
        #expect(ed.expected == LevelCounts(studies: 2, series: 3, instances: 4))
        // Series B's only instance failed, so S1 is not complete; S3 is.
        #expect(ed.imported == LevelCounts(studies: 1, series: 2, instances: 3))
        #expect(ed.jobs == ["COMPLETED": 1])
        let studies = try store.database.studyProgress(cohort: "ed")
        #expect(studies.map(\.studyInstanceUID) == ["S1", "S3"])
        #expect(studies[0].expected == LevelCounts(studies: 1, series: 2, instances: 3))
        #expect(studies[0].imported == LevelCounts(studies: 0, series: 1, instances: 2))
        #expect(studies[1].imported == LevelCounts(studies: 1, series: 1, instances: 1))
    }

    @Test func aPrefixDefinedAfterTheInventoryAssignsItsInstances() throws {
        try loadInventory()
        #expect(try store.database.defineCohort(name: "cardio", .prefix("input/cardio/")) == 1)
        #expect(try store.database.defineCohort(name: "ed", .prefix("input/ed/")) == 4)
        let names = try store.database.cohortSummaries().map(\.name)
        #expect(names == ["cardio", "ed"])
    }

    @Test func aStudyListDefinesACohortAcrossPrefixes() throws {
        try loadInventory()
        #expect(try store.database.defineCohort(name: "picked", .studies(["S1", "S2"])) == 4)
        let picked = try #require(try store.database.cohortSummary(named: "picked"))
        #expect(picked.expected == LevelCounts(studies: 2, series: 3, instances: 4))
    }

    @Test func theInventorysOwnCohortColumnCreatesCohortsAndWinsOverPrefixes() throws {
        try store.database.defineCohort(name: "everything", .prefix("input/"))
        try loadInventory(cohortColumn: true)
        let summaries = try store.database.cohortSummaries()
        #expect(summaries.map(\.name) == ["cardio", "ed", "everything"])
        #expect(summaries.map(\.expected.instances) == [1, 4, 0])
        #expect(summaries.map(\.definedBy) == ["inventory", "inventory", "prefix"])
    }

    @Test func importingTheSameRecordsTwiceChangesNothing() throws {
        try loadInventory()
        try loadInventory()
        try store.database.defineCohort(name: "ed", .prefix("input/ed/"))
        #expect(try store.database.cohortSummary(named: "ed")?.expected.instances == 4)
    }
}

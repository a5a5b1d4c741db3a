import CutoverCore
import CutoverStore
import GRDB
import Testing

/// The Non-primary page and its drill-down: image sets with isPrimary false, their instances, and the
/// patient/study attributes that conflict.
@Suite struct NonPrimaryPageTests {
    let fixture: PageFixture

    init() throws { fixture = try PageFixture() }

    @Test func rowsCarryStudyInstancesJobCohortVersionAndFindingState() throws {
        let page = try fixture.database.nonPrimaryPage(PageRequest())
        #expect(page.total == 2)
        let findingIDs = try fixture.database.findingIDs(kind: .nonPrimary, code: nil, cohort: nil, states: [.open])
        #expect(findingIDs.count == 2)
        #expect(
            page.rows == [
                NonPrimaryRow(
                    imageSetId: "setNP", studyInstanceUID: "S1", instances: 1, jobId: "job-ed-1", cohort: "ed", version: 1,
                    findingState: .open, findingId: findingIDs.min()),
                NonPrimaryRow(
                    imageSetId: "setNP2", studyInstanceUID: "S3", instances: 1, jobId: "job-cardio-1", cohort: "cardio",
                    findingState: .open, findingId: findingIDs.max()),
            ])
    }

    @Test(arguments: [
        ("default: most instances, then id", PageRequest(), ["setNP", "setNP2"]),
        ("cohort", PageRequest(sort: "cohort"), ["setNP2", "setNP"]),
        ("cohort descending", PageRequest(sort: "cohort", descending: true), ["setNP", "setNP2"]),
        ("study descending", PageRequest(sort: "study", descending: true), ["setNP2", "setNP"]),
        ("filter on study", PageRequest(filter: "s3"), ["setNP2"]),
        ("filter on job", PageRequest(filter: "JOB-ED"), ["setNP"]),
        ("filter on state", PageRequest(filter: "open"), ["setNP", "setNP2"]),
        ("limit", PageRequest(limit: 1), ["setNP"]),
    ])
    func sortFilterAndLimit(_ name: String, _ request: PageRequest, _ expected: [String]) throws {
        #expect(try fixture.database.nonPrimaryPage(request).rows.map(\.imageSetId) == expected, "\(name)")
    }

    @Test func theFindingStateFollowsTriage() throws {
        let id = try #require(try fixture.database.findings(kind: .nonPrimary).first { $0.subject == "setNP" }?.id)
        try fixture.database.triage([id], to: .acknowledged, note: "known", actor: Actor(name: "ana"))
        let row = try fixture.database.nonPrimaryPage(PageRequest(filter: "setNP")).rows.first { $0.imageSetId == "setNP" }
        #expect(row?.findingState == .acknowledged)
    }

    @Test func theDrillDownListsInstancesAndConflictingAttributes() throws {
        let detail = try fixture.database.imageSetInstances(imageSetId: "setNP", limit: 10)
        #expect(
            detail.instances == [
                InstanceRow(
                    key: "input/ed/S1/A/4.dcm", studyInstanceUID: "S1", seriesInstanceUID: "S1.A",
                    sopInstanceUID: "sop-input/ed/S1/A/4.dcm", patientID: "P1X", patientName: "DOE^J",
                    accessionNumber: "ACC1", outcome: "success")
            ])
        #expect(
            detail.conflicts == [
                AttributeConflict(attribute: "PatientID", values: ["P1", "P1X"]),
                AttributeConflict(attribute: "PatientName", values: ["DOE^J", "DOE^JANE"]),
            ])
    }

    @Test func aSetWithoutConflictsOrUnknownSetsGiveNone() throws {
        let clean = try fixture.database.imageSetInstances(imageSetId: "setNP2", limit: 10)
        #expect(clean.instances.map(\.key) == ["input/cardio/S3/C/2.dcm"])
        #expect(clean.conflicts.isEmpty)
        let unknown = try fixture.database.imageSetInstances(imageSetId: "nope", limit: 10)
        #expect(unknown == ImageSetDetail(imageSetId: "nope", instances: [], conflicts: []))
    }

    @Test func instancesAreCountedThroughThePartialIndex() throws {
        let plan = try fixture.database.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM input_keys k WHERE k.image_set = 1 AND k.is_primary IS NOT 1"
            ).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("input_keys_not_primary"))
    }

    @Test func aSetWithoutAFirstJobFindsItsManifestJobThroughAnIndex() throws {
        let plan = try fixture.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT job FROM job_image_sets WHERE image_set = 1 LIMIT 1")
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("job_image_sets_by_image_set"))
    }
}

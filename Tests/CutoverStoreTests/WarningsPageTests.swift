import CutoverCore
import CutoverStore
import Testing

/// The Warnings page: warning findings grouped by code, the instances of one code, and group triage.
@Suite struct WarningsPageTests {
    let fixture: PageFixture

    init() throws { fixture = try PageFixture() }

    @Test(arguments: [
        (
            "all cohorts", String?.none,
            [WarningGroupRow(code: 45330, instances: 3, studies: 2, open: 3), WarningGroupRow(code: 45331, instances: 1, studies: 1, open: 1)]
        ),
        (
            "one cohort", "ed",
            [WarningGroupRow(code: 45330, instances: 2, studies: 1, open: 2), WarningGroupRow(code: 45331, instances: 1, studies: 1, open: 1)]
        ),
        ("an unknown cohort", "nobody", []),
    ])
    func groupsByCodeMostInstancesFirst(_ name: String, _ cohort: String?, _ expected: [WarningGroupRow]) throws {
        #expect(try fixture.database.warningGroups(cohort: cohort) == expected, "\(name)")
    }

    @Test func instancesOfACodeCarryStudyMessageAndState() throws {
        let page = try fixture.database.warningInstances(code: 45330, cohort: nil, PageRequest())
        #expect(page.total == 3)
        #expect(page.rows.map(\.key) == ["input/cardio/S3/C/1.dcm", "input/ed/S2/B/1.dcm", "input/ed/S2/B/2.dcm"])
        #expect(page.rows.map(\.studyInstanceUID) == ["S3", "S2", "S2"])
        #expect(page.rows.map(\.message) == ["m3", "m1", "m2"])
        #expect(page.rows.allSatisfy { $0.state == .open })
        let other = try fixture.database.warningInstances(code: 45331, cohort: "ed", PageRequest())
        #expect(other.rows.map(\.message) == ["other"])
    }

    @Test(arguments: [
        ("one cohort", "ed", PageRequest(), ["input/ed/S2/B/1.dcm", "input/ed/S2/B/2.dcm"], 2),
        ("filter on key", nil, PageRequest(filter: "CARDIO"), ["input/cardio/S3/C/1.dcm"], 1),
        ("filter on message", nil, PageRequest(filter: "m2"), ["input/ed/S2/B/2.dcm"], 1),
        ("filter with a LIKE wildcard taken literally", nil, PageRequest(filter: "%"), [], 0),
        ("sort by key descending", nil, PageRequest(sort: "key", descending: true),
         ["input/ed/S2/B/2.dcm", "input/ed/S2/B/1.dcm", "input/cardio/S3/C/1.dcm"], 3),
        ("sort by study descending", nil, PageRequest(sort: "study", descending: true),
         ["input/cardio/S3/C/1.dcm", "input/ed/S2/B/1.dcm", "input/ed/S2/B/2.dcm"], 3),
        ("limit", nil, PageRequest(limit: 1), ["input/cardio/S3/C/1.dcm"], 3),
    ] as [(String, String?, PageRequest, [String], Int)])
    func instancesFilterSortAndLimit(
        _ name: String, _ cohort: String?, _ request: PageRequest, _ keys: [String], _ total: Int
    ) throws {
        let page = try fixture.database.warningInstances(code: 45330, cohort: cohort, request)
        #expect(page.rows.map(\.key) == keys, "\(name)")
        #expect(page.total == total, "\(name)")
    }

    @Test func aGroupIsAcknowledgedThroughItsFindingIDs() throws {
        let db = fixture.database
        let ids = try db.findingIDs(kind: .warning, code: 45330, cohort: "ed", states: [.open])
        #expect(ids.count == 2)
        try db.triage(ids, to: .acknowledged, note: "expected for this modality", actor: Actor(name: "ana"))
        #expect(try db.warningGroups(cohort: nil).first == WarningGroupRow(code: 45330, instances: 3, studies: 2, open: 1, acknowledged: 2))
        #expect(try db.findingIDs(kind: .warning, code: 45330, cohort: nil, states: [.open]).count == 1)
        #expect(try db.findingIDs(kind: .warning, code: nil, cohort: nil, states: [.open, .acknowledged]).count == 4)
        #expect(try db.findingIDs(kind: .warning, code: 45330, cohort: nil, states: []).isEmpty)
        #expect(try db.findingIDs(kind: .customerError, code: nil, cohort: "ed", states: [.open]).count == 1)
    }
}

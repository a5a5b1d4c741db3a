import CutoverCore
import CutoverSources
import CutoverStore
import Testing

/// The lifecycle actions the command line and the dashboard share.
@Suite struct CohortActionsTests {
    let fixture: ActionFixture
    let ana = Actor(name: "ana", host: "ops1")
    let ben = Actor(name: "ben", host: "ops2")

    init() throws { fixture = try ActionFixture() }

    @discardableResult
    private func perform(_ action: CohortAction, reason: String?, revision: Int64? = nil, actor: Actor? = nil) throws
        -> ActionOutcome
    {
        try CohortActions.perform(
            action, cohort: "ed", reason: reason, expectedRevision: revision, actor: actor ?? ana,
            database: fixture.database, config: nil)
    }

    @Test func holdAndReleaseAreRecordedWithTheirAuditRows() throws {
        #expect(try perform(.hold, reason: "PACS freeze") == .holdSet)
        var record = try fixture.database.cohortRecord(named: "ed")
        #expect(record.held && record.holdReason == "PACS freeze")
        #expect(try perform(.release, reason: "freeze over") == .holdCleared)
        record = try fixture.database.cohortRecord(named: "ed")
        #expect(!record.held)
        #expect(try fixture.database.auditEntries(cohort: "ed").suffix(2).map(\.action) == ["hold", "release"])
    }

    @Test(arguments: [
        ("hold without a reason", CohortAction.hold, String?.none, "a reason is required"),
        ("rollback of a cohort never approved", .rollback, "oops", "only an approved cohort"),
        ("approve while not ready", .approve, "go", "cannot approve"),
    ])
    func refusalsSayWhyInOneSentenceAndChangeNothing(
        _ name: String, _ action: CohortAction, _ reason: String?, _ words: String
    ) throws {
        let before = try fixture.database.cohortRecord(named: "ed")
        let error = try #require(throws: CohortActionError.self) { try perform(action, reason: reason) }
        #expect(error.kind == .refused, "\(name)")
        #expect(error.description.contains(words), "\(name): \(error.description)")
        #expect(try fixture.database.cohortRecord(named: "ed") == before)
    }

    @Test func aStaleRevisionIsAConflict() throws {
        let seen = try fixture.database.cohortRecord(named: "ed").revision
        try perform(.hold, reason: "first", revision: seen, actor: ana)
        let error = try #require(throws: CohortActionError.self) {
            try perform(.release, reason: "second", revision: seen, actor: ben)
        }
        #expect(error.kind == .conflict)
        #expect(error.description.contains("changed by someone else"))
        #expect(try fixture.database.cohortRecord(named: "ed").held)
    }

    @Test func anUnknownCohortIsRefused() throws {
        let error = try #require(throws: CohortActionError.self) {
            try CohortActions.perform(
                .hold, cohort: "nope", reason: "x", expectedRevision: nil, actor: ana, database: fixture.database,
                config: nil)
        }
        #expect(error.description.contains("no cohort named nope"))
    }

    @Test(arguments: [
        ("first approval", String?.none, false, CohortAction.approve),
        ("first approval as override", nil, true, .approveOverride),
        ("a pending approval is confirmed", "ana", false, .confirmApproval),
        ("a pending approval is confirmed even with --override", "ana", true, .confirmApproval),
    ])
    func approvalKind(_ name: String, _ pending: String?, _ override: Bool, _ expected: CohortAction) {
        let record = CohortRecord(
            id: 1, name: "ed", state: "ready", held: false, holdReason: nil, revision: 3, pendingApprovalBy: pending,
            pendingOverride: false, regionProfile: nil)
        #expect(CohortActions.approvalKind(record: record, override: override) == expected, "\(name)")
    }
}

import CutoverStore
import Testing

/// Decisions change a cohort and append an audit row together, or not at all.
@Suite struct DecisionTests {
    let store: TemporaryDatabase
    let ana = Actor(name: "ana", host: "jump1", sshClient: "10.0.0.9")

    init() throws {
        store = try TemporaryDatabase()
        try store.database.defineCohort(name: "ed", .prefix("input/ed/"))
    }

    private func hold(_ reason: String, seen: Int64?) throws {
        try store.database.decide(
            cohort: "ed", action: "hold", actor: ana, expectedRevision: seen, detail: ["reason": reason]
        ) { record, _ in
            record.held = true
            record.holdReason = reason
        }
    }

    @Test func aDecisionBumpsTheRevisionAndIsAudited() throws {
        try hold("PACS vendor asked to wait", seen: 0)
        let record = try store.database.cohortRecord(named: "ed")
        #expect(record.revision == 1 && record.held && record.holdReason == "PACS vendor asked to wait")
        let audit = try store.database.auditEntries()
        #expect(audit.map(\.action) == ["hold"])
        #expect(audit[0].actor == "ana" && audit[0].host == "jump1" && audit[0].sshClient == "10.0.0.9")
        #expect(audit[0].detail.contains(#""reason":"PACS vendor asked to wait""#))
    }

    @Test func actingOnAStaleRevisionIsAConflictAndChangesNothing() throws {
        try hold("first", seen: 0)
        #expect(throws: DecisionError.conflict(cohort: "ed", expected: 0, actual: 1)) { try hold("second", seen: 0) }
        #expect(try store.database.cohortRecord(named: "ed").holdReason == "first")
        #expect(try store.database.auditEntries().count == 1)
    }

    @Test func aRefusedDecisionLeavesNoTrace() throws {
        #expect(throws: DecisionError.refused("no")) {
            try store.database.decide(cohort: "ed", action: "approve", actor: ana, expectedRevision: nil, detail: [:]) {
                _, _ in throw DecisionError.refused("no")
            }
        }
        #expect(try store.database.cohortRecord(named: "ed").revision == 0)
        #expect(try store.database.auditEntries().isEmpty)
        #expect(throws: DecisionError.noSuchCohort("nope")) { try store.database.cohortRecord(named: "nope") }
    }

    @Test func theChainVerifiesAfterManyDecisions() throws {
        for n in 0..<20 { try hold("reason \(n)", seen: Int64(n)) }
        guard case .intact(let rows, _) = try store.database.verifyAudit() else {
            Issue.record("the chain should verify")
            return
        }
        #expect(rows == 20)
    }
}

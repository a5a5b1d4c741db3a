import CutoverCore
import Testing

struct LifecycleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var stored: CohortState?
        var jobsTotal: Int
        var jobsActive: Int
        var gates: [GateResult]
        var state: CohortState
        var testDescription: String { name }
    }

    static let pass = Fixture.gates(allPass: true)
    static let hold = Fixture.gates(allPass: false)
    static let pending = GateName.allCases.map { GateResult(name: $0, status: .pending) }

    static let cases: [Case] = [
        Case(
            name: "nothing stored, no job: planned", stored: nil, jobsTotal: 0, jobsActive: 0, gates: pending,
            state: .planned),
        Case(
            name: "no job even with passing gates: planned", stored: nil, jobsTotal: 0, jobsActive: 0, gates: pass,
            state: .planned),
        Case(
            name: "a job running: importing", stored: .planned, jobsTotal: 3, jobsActive: 1, gates: pending,
            state: .importing),
        Case(
            name: "a job running with passing gates: importing", stored: .ready, jobsTotal: 3, jobsActive: 1,
            gates: pass,
            state: .importing),
        Case(
            name: "jobs done, a gate holds: validating", stored: .importing, jobsTotal: 3, jobsActive: 0, gates: hold,
            state: .validating),
        Case(
            name: "jobs done, gates pending: validating", stored: nil, jobsTotal: 3, jobsActive: 0, gates: pending,
            state: .validating),
        Case(
            name: "jobs done, all pass: ready", stored: .validating, jobsTotal: 3, jobsActive: 0, gates: pass,
            state: .ready),
        Case(
            name: "ready falls back to validating when a gate regresses", stored: .ready, jobsTotal: 3, jobsActive: 0,
            gates: hold, state: .validating),
        Case(
            name: "a missing gate is not a pass", stored: nil, jobsTotal: 3, jobsActive: 0,
            gates: Array(pass.dropLast()),
            state: .validating),
        Case(
            name: "no gates at all is not ready", stored: nil, jobsTotal: 3, jobsActive: 0, gates: [],
            state: .validating),
        Case(
            name: "approved stays approved when a gate regresses", stored: .approved, jobsTotal: 3, jobsActive: 0,
            gates: hold,
            state: .approved),
        Case(
            name: "approved stays approved when a retry job runs", stored: .approved, jobsTotal: 4, jobsActive: 1,
            gates: pass, state: .approved),
        Case(
            name: "rolled-back stays rolled-back when all pass", stored: .rolledBack, jobsTotal: 3, jobsActive: 0,
            gates: pass,
            state: .rolledBack),
        Case(
            name: "rolled-back stays rolled-back with no job", stored: .rolledBack, jobsTotal: 0, jobsActive: 0,
            gates: [],
            state: .rolledBack),
    ]

    @Test(arguments: cases)
    func derives(_ example: Case) {
        let state = Lifecycle.derive(
            stored: example.stored, jobsTotal: example.jobsTotal, jobsActive: example.jobsActive, gates: example.gates)
        #expect(state == example.state)
    }

    @Test func rolledBackRawValueIsKebabCase() {
        #expect(CohortState.rolledBack.rawValue == "rolled-back")
        #expect(CohortAction.approveOverride.rawValue == "approve-override")
        #expect(CohortAction.confirmApproval.rawValue == "confirm-approval")
    }
}

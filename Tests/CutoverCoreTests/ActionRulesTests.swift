import CutoverCore
import Testing

struct ActionRulesTests {
    /// Who recorded the first approval, relative to the actor asking now.
    enum Pending: CaseIterable { case none, sameActor, otherActor }

    struct Situation: CustomStringConvertible {
        var state: CohortState
        var held: Bool
        var gatesPass: Bool
        var twoPerson: Bool
        var hasReason: Bool
        var pending: Pending
        var pendingOverride: Bool

        var description: String {
            "\(state.rawValue) held=\(held) gatesPass=\(gatesPass) twoPerson=\(twoPerson) reason=\(hasReason) "
                + "pending=\(pending) pendingOverride=\(pendingOverride)"
        }

        var context: ActionContext {
            ActionContext(
                state: state, held: held, gates: Fixture.gates(allPass: gatesPass),
                reason: hasReason ? "checked with radiology" : nil, actor: "bob",
                pendingApprovalBy: pending == .none ? nil : (pending == .sameActor ? "bob" : "alice"),
                pendingApprovalIsOverride: pendingOverride, twoPersonApproval: twoPerson)
        }

        static let all: [Situation] = CohortState.allCases.flatMap { state in
            [false, true].flatMap { held in
                [false, true].flatMap { gatesPass in
                    [false, true].flatMap { twoPerson in
                        [false, true].flatMap { hasReason in
                            Pending.allCases.flatMap { pending in
                                [false, true].map { pendingOverride in
                                    Situation(
                                        state: state, held: held, gatesPass: gatesPass, twoPerson: twoPerson,
                                        hasReason: hasReason, pending: pending, pendingOverride: pendingOverride)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The guards of product §5 restated as a truth table, independent of `ActionRules`; nil means refused.
    static func oracle(_ action: CohortAction, _ s: Situation) -> ActionOutcome? {
        let settled = s.state == .approved || s.state == .rolledBack
        let firstApproval: ActionOutcome = s.twoPerson ? .approvalPending : .approved
        let duplicatePending = s.twoPerson && s.pending != .none
        switch action {
        case .hold:
            return !s.held && s.hasReason ? .holdSet : nil
        case .release:
            return s.held && s.hasReason ? .holdCleared : nil
        case .retry:
            return settled ? nil : .retryAllowed
        case .approve:
            let allowed = s.state == .ready && s.gatesPass && !s.held && s.hasReason && !duplicatePending
            return allowed ? firstApproval : nil
        case .approveOverride:
            let allowed = !settled && !s.held && s.hasReason && !duplicatePending
            return allowed ? firstApproval : nil
        case .confirmApproval:
            let gatesOK = s.pendingOverride || (s.state == .ready && s.gatesPass)
            let allowed = !settled && !s.held && s.pending == .otherActor && gatesOK
            return allowed ? .approved : nil
        case .rollback:
            return s.state == .approved && s.hasReason ? .rolledBack : nil
        case .attest:
            return s.state == .rolledBack ? nil : .attested
        }
    }

    @Test(arguments: CohortAction.allCases)
    func everySituationMatchesTheTruthTable(_ action: CohortAction) {
        #expect(Situation.all.count == 6 * 2 * 2 * 2 * 2 * 3 * 2)
        for situation in Situation.all {
            let expected = Self.oracle(action, situation)
            switch ActionRules.check(action, situation.context) {
            case .success(let outcome):
                #expect(outcome == expected, "\(action.rawValue) in \(situation)")
            case .failure(let refusal):
                #expect(expected == nil, "\(action.rawValue) in \(situation) refused: \(refusal)")
                #expect(!refusal.reason.isEmpty)
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var action: CohortAction
        var context: ActionContext
        var refusal: String
        var testDescription: String { name }
    }

    static let reason = "checked with radiology"

    static let cases: [Case] = [
        Case(
            name: "hold needs a reason", action: .hold, context: ActionContext(state: .validating, actor: "bob"),
            refusal: "a reason is required to hold a cohort (--reason)"),
        Case(
            name: "hold on a held cohort", action: .hold,
            context: ActionContext(state: .validating, held: true, reason: reason, actor: "bob"),
            refusal: "the cohort is already held"),
        Case(
            name: "release needs a held cohort", action: .release,
            context: ActionContext(state: .ready, reason: reason, actor: "bob"), refusal: "the cohort is not held"),
        Case(
            name: "retry after approval", action: .retry, context: ActionContext(state: .approved, actor: "bob"),
            refusal: "cannot retry: the cohort is already approved"),
        Case(
            name: "approve lists the gates that do not pass", action: .approve,
            context: ActionContext(
                state: .validating,
                gates: [
                    GateResult(name: .hierarchy, status: .pass),
                    GateResult(
                        name: .parity, status: .hold,
                        reasons: ["viewer ohif cannot decode 1.2.840.10008.1.2.4.91 in 3 instances", "second"]),
                    GateResult(name: .review, status: .pending, reasons: ["no import job yet"]),
                ], reason: reason, actor: "bob"),
            refusal:
                "cannot approve: the cohort is validating, not ready; not passing: parity (hold: viewer ohif cannot "
                + "decode 1.2.840.10008.1.2.4.91 in 3 instances), review (pending: no import job yet), obligations "
                + "(not evaluated)"),
        Case(
            name: "approve on a held cohort", action: .approve,
            context: ActionContext(
                state: .ready, held: true, gates: Fixture.gates(allPass: true), reason: reason, actor: "bob"),
            refusal: "cannot approve: the cohort is held; release it first"),
        Case(
            name: "approve needs a reason", action: .approve,
            context: ActionContext(state: .ready, gates: Fixture.gates(allPass: true), actor: "bob"),
            refusal: "a reason is required to approve a cohort (--reason)"),
        Case(
            name: "override is never allowed on a held cohort", action: .approveOverride,
            context: ActionContext(state: .validating, held: true, reason: reason, actor: "bob"),
            refusal: "cannot approve with override: the cohort is held; release it first"),
        Case(
            name: "a second first approval", action: .approve,
            context: ActionContext(
                state: .ready, gates: Fixture.gates(allPass: true), reason: reason, actor: "bob",
                pendingApprovalBy: "alice"),
            refusal:
                "cannot approve: an approval by alice is already pending; a different person must confirm it "
                + "(confirm-approval)"),
        Case(
            name: "the same person cannot confirm", action: .confirmApproval,
            context: ActionContext(
                state: .ready, gates: Fixture.gates(allPass: true), actor: "alice", pendingApprovalBy: "alice"),
            refusal: "cannot confirm: a different person must confirm the approval by alice"),
        Case(
            name: "the same person in other case cannot confirm", action: .confirmApproval,
            context: ActionContext(
                state: .ready, gates: Fixture.gates(allPass: true), actor: "Alice", pendingApprovalBy: "alice"),
            refusal: "cannot confirm: a different person must confirm the approval by alice"),
        Case(
            name: "confirm needs a pending approval", action: .confirmApproval,
            context: ActionContext(state: .ready, gates: Fixture.gates(allPass: true), actor: "bob"),
            refusal: "cannot confirm: no approval is pending"),
        Case(
            name: "rollback only from approved", action: .rollback,
            context: ActionContext(state: .ready, reason: reason, actor: "bob"),
            refusal: "cannot roll back: only an approved cohort can be rolled back (this one is ready)"),
        Case(
            name: "rollback needs a reason", action: .rollback, context: ActionContext(state: .approved, actor: "bob"),
            refusal: "a reason is required to roll back a cohort (--reason)"),
        Case(
            name: "a blank reason is no reason", action: .hold,
            context: ActionContext(state: .ready, reason: "  \t", actor: "bob"),
            refusal: "a reason is required to hold a cohort (--reason)"),
        Case(
            name: "attest after rollback", action: .attest, context: ActionContext(state: .rolledBack, actor: "bob"),
            refusal: "cannot attest: the cohort was rolled back"),
        Case(
            name: "an actor is required", action: .attest, context: ActionContext(state: .ready, actor: " "),
            refusal: "an actor name is required"),
    ]

    @Test(arguments: cases)
    func refusesWithOneClearSentence(_ example: Case) {
        #expect(ActionRules.check(example.action, example.context) == .failure(ActionRefusal(reason: example.refusal)))
    }

    @Test func twoPersonApprovalRunsEndToEnd() {
        let ready = ActionContext(
            state: .ready, gates: Fixture.gates(allPass: true), reason: Self.reason, actor: "alice")
        #expect(ActionRules.check(.approve, ready) == .success(.approvalPending))
        var confirm = ready
        confirm.actor = "bob"
        confirm.reason = nil
        confirm.pendingApprovalBy = "alice"
        #expect(ActionRules.check(.confirmApproval, confirm) == .success(.approved))
    }

    @Test func overrideApprovesDespiteGatesAndIsConfirmedDespiteGates() {
        var override = ActionContext(
            state: .validating, gates: Fixture.gates(allPass: false), reason: Self.reason, actor: "alice")
        #expect(ActionRules.check(.approveOverride, override) == .success(.approvalPending))
        override.actor = "bob"
        override.pendingApprovalBy = "alice"
        override.pendingApprovalIsOverride = true
        #expect(ActionRules.check(.confirmApproval, override) == .success(.approved))
    }

    @Test func withoutTwoPersonApprovalApproveIsFinal() {
        let context = ActionContext(
            state: .ready, gates: Fixture.gates(allPass: true), reason: Self.reason, actor: "alice",
            twoPersonApproval: false)
        #expect(ActionRules.check(.approve, context) == .success(.approved))
    }
}

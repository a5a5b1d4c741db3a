import CutoverCore
import CutoverTerminal
import Testing

@testable import CutoverDashboard

@Suite struct ConfirmationTests {
    private func type(_ text: String, _ state: inout AppState) {
        for c in text { _ = Reducer.reduce(&state, .key(.character(c))) }
    }

    @Test func holdAsksForAReasonAndRunsWithIt() {
        var state = DashboardFixture.state(page: .cohorts)
        _ = Reducer.reduce(&state, .key(.character("h")))
        #expect(state.dialog?.title == "Hold cardiology")
        // Enter with no reason is refused inside the dialog.
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.dialog?.error == "reason is required")
        type("PACS vendor reports bad PNs", &state)
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.dialog == nil)
        #expect(effects == [.perform(.cohortAction(.hold, cohort: "cardiology", reason: "PACS vendor reports bad PNs", revision: 3))])
    }

    @Test func holdingAHeldCohortIsRefusedBeforeAnyDialog() {
        var state = DashboardFixture.state(page: .cohorts)
        state.view.cursor = 2  // mammography, held
        #expect(Reducer.reduce(&state, .key(.character("h"))).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.role == .critical)
    }

    @Test func approvingACohortWhoseGatesDoNotPassShowsTheReason() {
        var state = DashboardFixture.state(page: .cohorts)
        #expect(Reducer.reduce(&state, .key(.character("A"))).isEmpty)
        #expect(state.dialog == nil)
        let flash = state.flash?.text ?? ""
        #expect(flash.hasPrefix("Approve cutover cardiology:"))
        #expect(flash.contains("review"))
    }

    @Test func approvalNeedsAReasonAndTheCohortNameTypedExactly() {
        var state = DashboardFixture.state(page: .cohorts)
        state.view.cursor = 3  // research-2024, all gates pass
        _ = Reducer.reduce(&state, .key(.character("A")))
        #expect(state.dialog?.fields.count == 2)
        type("signed off by clinical lead", &state)
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.dialog?.focus == 1)
        type("research-2023", &state)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.dialog?.error == "type research-2024 exactly to confirm")
        _ = Reducer.reduce(&state, .key(.backspace))
        type("4", &state)
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(effects == [.perform(.cohortAction(.approve, cohort: "research-2024", reason: "signed off by clinical lead", revision: 9))])
    }

    @Test func retryIsAYesNoWithTheCount() {
        var state = DashboardFixture.state(page: .cohorts)
        state.view.cursor = 1  // ed-2019, 7 failures
        _ = Reducer.reduce(&state, .key(.character("r")))
        #expect(state.dialog?.isYesNo == true)
        #expect(state.dialog?.lines.joined().contains("7 open missing or failed keys") == true)
        // Enter does not confirm a yes/no dialog; only `y` does.
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.perform(.retry(cohort: "ed-2019", revision: 0))])
    }

    @Test func escapeCancelsAnyDialog() {
        var state = DashboardFixture.state(page: .cohorts)
        _ = Reducer.reduce(&state, .key(.character("h")))
        type("abc", &state)
        #expect(Reducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "cancelled")
    }

    @Test func aWaiverNeedsANote() {
        var state = DashboardFixture.state(page: .nonPrimary)
        _ = Reducer.reduce(&state, .key(.character("x")))
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.dialog?.choices[state.dialog?.choice ?? 0] == .waived)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.dialog?.error == "a waiver needs a note")
        type("duplicate of study 1001, confirmed by RIS", &state)
        #expect(
            Reducer.reduce(&state, .key(.enter)) == [
                .perform(.triage(ids: [41], to: .waived, note: "duplicate of study 1001, confirmed by RIS"))
            ])
    }

    @Test func acknowledgingAWarningCodeTakesAnOptionalNote() {
        var state = DashboardFixture.state(page: .warnings)
        _ = Reducer.reduce(&state, .key(.character("a")))
        #expect(state.dialog?.title.contains("TRANSCODING_EXCEPTION") == true)
        #expect(Reducer.reduce(&state, .key(.enter)) == [.perform(.acknowledgeCode(code: 45312, cohort: nil, note: nil))])
    }

    @Test func revealingPatientDataIsConfirmedAndOnlyShownOnceRecorded() {
        var state = DashboardFixture.state(page: .nonPrimary)
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .key(.character("p")))
        let effects = Reducer.reduce(&state, .key(.character("y")))
        let operation = Operation.revealPHI(imageSet: "0f3e9a7c5b1d4e2f8a6c0b9d7e5f3a1c")
        #expect(effects == [.perform(operation)])
        #expect(!state.revealPHI)
        _ = Reducer.reduce(&state, .operationFinished(operation, message: "recorded", succeeded: false))
        #expect(!state.revealPHI)
        _ = Reducer.reduce(&state, .operationFinished(operation, message: "recorded", succeeded: true))
        #expect(state.revealPHI)
        // Masking again needs no confirmation.
        _ = Reducer.reduce(&state, .key(.character("p")))
        #expect(!state.revealPHI)
    }
}

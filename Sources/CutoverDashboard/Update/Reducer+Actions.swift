import CutoverCore
import CutoverStore

extension Reducer {
    /// A mutating command: check what can be checked now, then open the confirmation its damage calls for.
    static func act(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command.id {
        case .hold, .release, .retry, .approve:
            guard let cohort = state.selectedCohort else {
                state.flash("select a cohort first", role: .careful)
                return []
            }
            let action = cohortAction(command.id, cohort)
            // The state guards come first, with a stand-in reason: the operator learns at once why it cannot
            // happen instead of typing a reason for nothing. The runtime checks again against live data.
            let context = cohort.actionContext(actor: state.header.actor, reason: "(typed in the dialog)")
            if case .failure(let refusal) = ActionRules.check(action, context) {
                state.flash("\(command.title) \(cohort.name): \(refusal.reason)", role: .critical)
                return []
            }
            state.dialog = Dialogs.cohortAction(action, cohort: cohort, glyphs: state.glyphs)
        case .triage:
            guard let (ids, label) = selectedFindings(state) else {
                state.flash("select a finding first (Enter opens a warning code)", role: .careful)
                return []
            }
            state.dialog = Dialogs.triage(ids: ids, label: label)
        case .acknowledgeGroup:
            guard let code = selectedWarningCode(state) else {
                state.flash("select a warning code first", role: .careful)
                return []
            }
            state.dialog = Dialogs.acknowledgeCode(code)
        case .export:
            guard let cohort = state.selectedCohort else {
                state.flash("select a cohort first", role: .careful)
                return []
            }
            state.flash("writing the evidence report for \(cohort.name)…", role: .muted)
            return [.perform(.export(cohort: cohort.name))]
        case .revealPHI:
            if state.revealPHI {
                state.revealPHI = false
                state.flash("patient identifiers masked again", role: .ok)
                return []
            }
            var imageSet: String?
            if case .imageSet(let id)? = state.view.drill { imageSet = id }
            state.dialog = Dialogs.revealPHI(imageSet: imageSet)
        default:
            break
        }
        return []
    }

    private static func cohortAction(_ id: CommandID, _ cohort: CohortRow) -> CohortAction {
        switch id {
        case .hold: .hold
        case .release: .release
        case .retry: .retry
        default: cohort.pendingApprovalBy == nil ? .approve : .confirmApproval
        }
    }

    private static func selectedFindings(_ state: AppState) -> (ids: [Int64], label: String)? {
        let view = state.view
        switch (state.page, view.visibleContent) {
        case (.warnings, .warningInstances(let code, let slice)?) where slice.rows.indices.contains(view.drillCursor):
            let row = slice.rows[view.drillCursor]
            return ([row.findingId], "\(WarningCode.label(code)) on \(row.key)")
        case (.nonPrimary, .nonPrimary(let slice)?) where slice.rows.indices.contains(view.cursor):
            let row = slice.rows[view.cursor]
            guard let id = row.findingId else { return nil }
            return ([id], "non-primary image set \(row.imageSetId)")
        default:
            return nil
        }
    }

    private static func selectedWarningCode(_ state: AppState) -> Int? {
        let view = state.view
        if case .warningCode(let code)? = view.drill { return code }
        guard case .warnings(let rows)? = view.content, rows.indices.contains(view.cursor) else { return nil }
        return rows[view.cursor].code
    }
}

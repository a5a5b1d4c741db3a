import CutoverCore

/// A change the runtime makes in the database (or on disk), through the same code as the command line.
public enum Operation: Equatable, Sendable {
    case cohortAction(CohortAction, cohort: String, reason: String?, revision: Int64)
    case retry(cohort: String, revision: Int64)
    case triage(ids: [Int64], to: FindingState, note: String?)
    case acknowledgeCode(code: Int, cohort: String?, note: String?)
    case export(cohort: String)
    case revealPHI(imageSet: String?)
}

/// An operation waiting for its dialog: the dialog's reason or note and choice complete it.
public enum PendingOperation: Equatable, Sendable {
    case cohortAction(CohortAction, cohort: String, revision: Int64)
    case retry(cohort: String, revision: Int64)
    case triage(ids: [Int64])
    case acknowledgeCode(code: Int, cohort: String?)
    case revealPHI(imageSet: String?)

    func complete(text: String?, choice: FindingState?) -> Operation {
        switch self {
        case .cohortAction(let action, let cohort, let revision):
            .cohortAction(action, cohort: cohort, reason: text, revision: revision)
        case .retry(let cohort, let revision): .retry(cohort: cohort, revision: revision)
        case .triage(let ids): .triage(ids: ids, to: choice ?? .acknowledged, note: text)
        case .acknowledgeCode(let code, let cohort): .acknowledgeCode(code: code, cohort: cohort, note: text)
        case .revealPHI(let imageSet): .revealPHI(imageSet: imageSet)
        }
    }
}

import CutoverSources
import ArgumentParser
import CutoverCore
import CutoverStore
import Foundation

/// What every lifecycle action takes: the cohort, a reason, the actor, and optionally the revision acted on.
struct ActionOptions: ParsableArguments {
    @Argument(help: "The cohort.")
    var cohort: String

    @Option(help: "Why (required for hold, release, approve and rollback).")
    var reason: String?

    @Option(
        name: .customLong("expect-revision"),
        help: "Act only if the cohort is still at this revision (as shown by `cutover gates`).")
    var expectRevision: Int64?
}

/// Checks the action against the product's guards with the cohort's live gates, then records it with its
/// audit row; a cohort changed by someone else meanwhile is a conflict, and nothing is changed.
func perform(
    _ action: CohortAction, options: ActionOptions, store: StoreOptions, actor actorOptions: ActorOptions
) throws -> ActionOutcome {
    let (database, config) = try store.openDatabase()
    let actor = actorOptions.resolve()
    let context = try CohortGates(database: database, config: config, cohort: options.cohort)
    let rules = ActionContext(
        state: context.state, held: context.record.held, gates: context.gates, reason: options.reason,
        actor: actor.name, pendingApprovalBy: context.record.pendingApprovalBy,
        pendingApprovalIsOverride: context.record.pendingOverride, twoPersonApproval: context.twoPersonApproval)
    let outcome: ActionOutcome
    switch ActionRules.check(action, rules) {
    case .failure(let refusal): throw CLIError(refusal.reason)
    case .success(let value): outcome = value
    }
    var detail = ["outcome": "\(outcome)"]
    if let reason = options.reason { detail["reason"] = reason }
    if action == .approveOverride || (action == .confirmApproval && context.record.pendingOverride) {
        detail["override"] = "true"
        detail["gates"] = GateResult.blockers(context.gates).joined(separator: "; ")
    }
    try database.decide(
        cohort: options.cohort, action: action.rawValue, actor: actor,
        expectedRevision: options.expectRevision ?? context.record.revision, detail: detail
    ) { record, _ in
        record.state = context.state.rawValue
        switch outcome {
        case .holdSet:
            record.held = true
            record.holdReason = options.reason
        case .holdCleared:
            record.held = false
            record.holdReason = nil
        case .approvalPending:
            record.pendingApprovalBy = actor.name
            record.pendingOverride = action == .approveOverride
        case .approved:
            record.state = CohortState.approved.rawValue
            record.pendingApprovalBy = nil
            record.pendingOverride = false
        case .rolledBack:
            record.state = CohortState.rolledBack.rawValue
        case .retryAllowed, .attested:
            break
        }
    }
    return outcome
}

/// hold, release and rollback: one action, one confirmation line.
protocol SimpleActionCommand: ParsableCommand {
    static var action: CohortAction { get }
    /// Printed after the cohort's name, e.g. "is held".
    static var done: String { get }
    var options: ActionOptions { get }
    var store: StoreOptions { get }
    var actor: ActorOptions { get }
}

extension SimpleActionCommand {
    func run() throws {
        try reportingErrors {
            _ = try perform(Self.action, options: options, store: store, actor: actor)
            print("cohort \(options.cohort) \(Self.done)")
        }
    }
}

struct HoldCommand: SimpleActionCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Hold a cohort: blocks approval.")
    static let action = CohortAction.hold
    static let done = "is held"
    @OptionGroup var options: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
}

struct ReleaseCommand: SimpleActionCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a held cohort.")
    static let action = CohortAction.release
    static let done = "is released"
    @OptionGroup var options: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
}

struct RollbackCommand: SimpleActionCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Roll an approved cohort back.")
    static let action = CohortAction.rollback
    static let done = "is rolled back"
    @OptionGroup var options: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a cohort's cutover; with two-person approval a different person confirms with a second approve.")
    @OptionGroup var action: ActionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Flag(help: "Approve despite gates that do not pass (needs a reason and a second person; shown as an override forever).")
    var override = false

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            let pending = try database.cohortRecord(named: action.cohort).pendingApprovalBy
            let kind: CohortAction = pending != nil ? .confirmApproval : override ? .approveOverride : .approve
            switch try perform(kind, options: action, store: store, actor: actor) {
            case .approvalPending:
                print("approval of \(action.cohort) recorded; a different person must confirm with `cutover approve \(action.cohort)`")
            default:
                print("cohort \(action.cohort) is approved")
            }
        }
    }
}

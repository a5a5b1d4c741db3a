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

/// Runs a lifecycle action through `CohortActions` (the dashboard runs the same code).
func perform(
    _ action: CohortAction, options: ActionOptions, store: StoreOptions, actor actorOptions: ActorOptions
) throws -> ActionOutcome {
    let (database, config) = try store.openDatabase()
    return try CohortActions.perform(
        action, cohort: options.cohort, reason: options.reason, expectedRevision: options.expectRevision,
        actor: actorOptions.resolve(), database: database, config: config)
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
            let kind = CohortActions.approvalKind(record: try database.cohortRecord(named: action.cohort), override: override)
            switch try perform(kind, options: action, store: store, actor: actor) {
            case .approvalPending:
                print("approval of \(action.cohort) recorded; a different person must confirm with `cutover approve \(action.cohort)`")
            default:
                print("cohort \(action.cohort) is approved")
            }
        }
    }
}

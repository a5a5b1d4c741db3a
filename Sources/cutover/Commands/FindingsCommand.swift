import ArgumentParser
import CutoverCore
import CutoverStore
import Foundation

extension FindingKind: ExpressibleByArgument {}
extension FindingState: ExpressibleByArgument {}

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Migration work items: missing, unexpected, split-study, non-primary, warning, customer-error, server-error.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Only this cohort's findings.")
    var cohort: String?

    @Option(help: "Only this kind (\(FindingKind.allCases.map(\.rawValue).joined(separator: ", "))).")
    var kind: FindingKind?

    @Option(help: "Only this state (\(FindingState.allCases.map(\.rawValue).joined(separator: ", "))).")
    var state: FindingState?

    @Option(help: "At most this many, most recently changed first.")
    var limit = 1000

    @Flag(help: "One JSON array.")
    var json = false

    @Flag(help: "CSV with a header row.")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("use either --json or --csv") }
    }

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase(readOnly: true)
            let found = try database.findings(cohort: cohort, kind: kind, state: state, limit: limit)
            if json {
                print(FindingsPrinter.json(found))
            } else if csv {
                print(FindingsPrinter.csv(found), terminator: "")
            } else if found.isEmpty {
                print("no findings" + (cohort.map { " in \($0)" } ?? ""))
            } else {
                print(FindingsPrinter.table(found))
            }
        }
    }
}

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge findings: someone is on it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "Finding ids (from `cutover findings`).")
    var ids: [Int64]

    @Option(help: "Why, or what is being done.")
    var note: String?

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            try database.triage(ids, to: .acknowledged, note: note, actor: actor.resolve())
            print("acknowledged \(ids.count) finding\(ids.count == 1 ? "" : "s")")
        }
    }
}

struct WaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive", abstract: "Waive findings: accepted as they are, with a note saying why.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "Finding ids (from `cutover findings`).")
    var ids: [Int64]

    @Option(help: "Why it is acceptable (required).")
    var note: String

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            try database.triage(ids, to: .waived, note: note, actor: actor.resolve())
            print("waived \(ids.count) finding\(ids.count == 1 ? "" : "s")")
        }
    }
}

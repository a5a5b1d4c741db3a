import CutoverSources
import ArgumentParser
import CutoverCore
import CutoverStore
import Foundation

struct GatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gates",
        abstract: "A cohort's four gates with reasons and counts; exit 0 when all pass, 3 when not.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The cohort.")
    var cohort: String

    @Flag(help: "One JSON object.")
    var json = false

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase(readOnly: true)
            let context = try CohortGates(database: database, config: config, cohort: cohort)
            if json {
                print(GatesPrinter.json(cohort: cohort, context: context))
            } else {
                print(GatesPrinter.text(cohort: cohort, context: context))
            }
            if !GateResult.allPass(context.gates) { throw ExitCode(3) }
        }
    }
}

enum GatesPrinter {
    private struct Shape: Encodable {
        struct Gate: Encodable {
            var name: String
            var status: String
            var reasons: [String]
            var counts: [String: Int]
        }
        var cohort: String
        var state: String
        var held: Bool
        var holdReason: String?
        var revision: Int64
        var pendingApprovalBy: String?
        var gates: [Gate]
    }

    static func json(cohort: String, context c: CohortGates) -> String {
        let shape = Shape(
            cohort: cohort, state: c.state.rawValue, held: c.record.held, holdReason: c.record.holdReason,
            revision: c.record.revision, pendingApprovalBy: c.record.pendingApprovalBy,
            gates: c.gates.map { .init(name: $0.name.rawValue, status: $0.status.rawValue, reasons: $0.reasons, counts: $0.counts) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(shape), as: UTF8.self)
    }

    static func text(cohort: String, context c: CohortGates) -> String {
        var lines = ["cohort \(cohort): \(c.state.rawValue)" + (c.record.held ? ", HELD (\(c.record.holdReason ?? ""))" : "")
            + " · revision \(c.record.revision)"
            + (c.record.pendingApprovalBy.map { " · approval pending, by \($0); a different person must confirm" } ?? "")]
        for gate in c.gates {
            lines.append("  \(gate.name.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(gate.status.rawValue.uppercased())")
            for reason in gate.reasons.prefix(8) { lines.append("      \(reason)") }
            if gate.reasons.count > 8 { lines.append("      … and \(gate.reasons.count - 8) more") }
        }
        return lines.joined(separator: "\n")
    }
}

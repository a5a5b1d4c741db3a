import ArgumentParser
import CutoverCore
import CutoverSources
import CutoverStore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The decision log: every action, hash-chained; --verify checks the chain.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Recompute the chain and name the first row that does not hold (exit 1 when broken).")
    var verify = false

    @Option(help: "Only this cohort's rows.")
    var cohort: String?

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase(readOnly: true)
            if verify {
                let verdict = try database.verifyAudit()
                print(verdict.description)
                if case .broken = verdict { throw ExitCode.failure }
                return
            }
            let entries = try database.auditEntries(cohort: cohort)
            if entries.isEmpty {
                print("no decisions recorded yet")
                return
            }
            for e in entries {
                if json {
                    print(AuditJSON.line(e))
                } else {
                    print(
                        "\(String(e.seq).leftPadded(5))  \(EpochTime.format(e.at))  \(e.actor)"
                            + (e.host.map { "@\($0)" } ?? "") + "  \(e.action)" + (e.cohort.map { " \($0)" } ?? "")
                            + "  \(e.detail)")
                }
            }
        }
    }
}

struct AttestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest", abstract: "Mark an obligation item of a cohort attested, with a note; audited.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The cohort.")
    var cohort: String

    @Argument(help: "The obligation item (e.g. backups-restore).")
    var item: String

    @Option(help: "What was checked (required).")
    var note: String

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            try database.attest(cohort: cohort, item: item, note: note, actor: actor.resolve())
            print("\(item) attested for \(cohort)")
        }
    }
}

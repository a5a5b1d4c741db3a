import ArgumentParser
import CutoverCore
import CutoverSources
import CutoverStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a cohort's evidence pack: report.md, report.json, findings.csv, audit.ndjson.",
        discussion: "Patient identifiers are masked unless --include-phi.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The cohort.")
    var cohort: String

    @Option(help: "The folder to write the pack into.")
    var out: String

    @Flag(name: .customLong("include-phi"), help: "Show patient identifiers unmasked.")
    var includePHI = false

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase(readOnly: true)
            let pack = try EvidencePack(
                database: database, config: config, cohort: cohort, includePHI: includePHI,
                now: Date().timeIntervalSince1970)
            try pack.write(to: out)
            print("evidence pack for \(cohort) written to \(out)" + (includePHI ? " (patient identifiers NOT masked)" : ""))
        }
    }
}

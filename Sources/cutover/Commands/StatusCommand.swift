import ArgumentParser
import CutoverSources
import CutoverStore
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Jobs by status, current results by outcome, warning codes, non-primary image sets, last poll.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON object (for scripts).")
    var json = false

    func run() throws {
        try reportingErrors {
            let (database, config) = try store.openDatabase(readOnly: true)
            let report = try database.status()
            let cohorts = try database.cohortSummaries()
            let now = Date().timeIntervalSince1970
            if json {
                var gates: [String: CohortGates] = [:]
                for cohort in cohorts {
                    gates[cohort.name] = try CohortGates(
                        database: database, config: config, cohort: cohort.name, summary: cohort)
                }
                Swift.print(
                    StatusPrinter.json(report, cohorts: cohorts, findings: try database.openFindingCounts(), gates: gates))
            } else {
                Swift.print(
                    StatusPrinter.text(
                        report, cohorts: cohorts, findings: try database.openFindingCounts(), migration: config?.migrationName, database: database.path, now: now))
            }
        }
    }
}

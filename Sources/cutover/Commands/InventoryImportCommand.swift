import ArgumentParser
import CutoverSources
import Foundation

struct InventoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a source inventory export (CSV with a header row, or NDJSON).",
        discussion: """
            Columns (CSV header names or NDJSON keys), in any order: input_key, study_instance_uid,
            series_instance_uid, sop_instance_uid (required); sop_class_uid, transfer_syntax_uid, modality,
            number_of_frames, size_bytes, patient_id, patient_name, accession_number, study_date, cohort.
            Unknown columns are ignored. A bad row is reported by line and skipped; the rest is imported.
            Importing a file again replaces its rows by input key, so nothing is counted twice.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The inventory file.")
    var file: String

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            let report = try InventoryImporter(database: database).importFile(file)
            try database.refreshCohortDigests()
            InventoryImportSummary(path: file, report: report).print()
        }
    }
}

/// What an inventory import says: records, the one notice about unknown columns, bad rows by line.
struct InventoryImportSummary {
    var path: String
    var report: InventoryImporter.Report

    func print() {
        guard !report.unchanged else { return }
        Swift.print("imported \(grouped(report.records)) inventory records from \(path)"
            + (report.invalidCount > 0 ? "; \(grouped(report.invalidCount)) bad rows skipped (listed on stderr)" : ""))
        if !report.unknownColumns.isEmpty {
            printError("\(path): ignored unknown columns: \(report.unknownColumns.joined(separator: ", "))")
        }
        for (line, reason) in report.invalid.prefix(20) {
            printError("\(path):\(line): \(reason); row skipped")
        }
        if report.invalidCount > 20 { printError("… and \(report.invalidCount - 20) more bad rows") }
    }
}

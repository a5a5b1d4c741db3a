import ArgumentParser
import CutoverSources
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest job output folders, API responses and event files from local paths, once.",
        discussion: """
            Finds job folders named <datastoreId>-DicomImport-<jobId>/ anywhere below each path, saved
            ListDICOMImportJobs / GetDICOMImportJob responses, and EventBridge event files (one object, an array,
            NDJSON or Firehose-style concatenated, optionally .gz). Only what is new since the last run is read.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            let stop = StopOnSignal()
            defer { stop.cancel() }
            let report = try FolderIngestor(database: database).ingest(
                paths: paths, now: { Date().timeIntervalSince1970 }, shouldStop: { stop.requested })
            // Stopped: the next run (or poll) reads the rest and refreshes the digests.
            if stop.received == nil { try database.refreshCohortDigests() }
            IngestSummary(report: report).print()
            if let number = stop.received { throw ExitCode(128 + number) }
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }
}

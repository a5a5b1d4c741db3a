import CutoverSources

/// The short summary `ingest` and `poll` print: counts by kind, then each quarantined line and each
/// unreadable file on stderr, by file and line (never their content).
struct IngestSummary {
    var report: IngestReport
    var maxListed = 20

    func print() {
        let s = report.stats
        let results = s.results.reduce(0, +)
        var parts = [
            "\(grouped(results)) results (\(grouped(s.results[0])) success, \(grouped(s.results[1])) warning, \(grouped(s.results[2])) failure)",
            "\(grouped(s.eventsAdded)) events" + (s.eventsDuplicate > 0 ? " (\(grouped(s.eventsDuplicate)) duplicates skipped)" : ""),
            "\(grouped(s.manifests)) manifests",
        ]
        if report.eventsIgnored > 0 { parts.append("\(report.eventsIgnored) events from other sources ignored") }
        Swift.print(
            "ingested " + parts.joined(separator: ", ")
                + " from \(grouped(report.filesRead)) changed files (\(grouped(report.filesUnchanged)) unchanged)")
        if report.filesLeft > 0 {
            Swift.print("stopped: \(grouped(report.filesLeft)) of the changed files are left for the next run")
        }
        if !report.quarantined.isEmpty {
            Swift.print("quarantined \(report.quarantined.count) bad lines or events (listed on stderr)")
        }
        for entry in report.quarantined.prefix(maxListed) {
            printError("\(entry.path):\(entry.line): \(entry.reason); quarantined")
        }
        if report.quarantined.count > maxListed {
            printError("… and \(report.quarantined.count - maxListed) more; see `cutover status`")
        }
        for problem in report.problems {
            printError("cutover: \(problem.description); the other files were ingested")
        }
    }
}

/// A configured poll: cohorts defined, inventory files imported, then the ingest summary.
struct PollSummary {
    var report: ConfiguredPoll.Report

    func print() {
        if !report.cohortsDefined.isEmpty {
            Swift.print("cohorts defined from the config: \(report.cohortsDefined.joined(separator: ", "))")
        }
        for (path, inventory) in report.inventory {
            InventoryImportSummary(path: path, report: inventory).print()
        }
        if let ahi = report.ahi {
            Swift.print(
                "HealthImaging: \(grouped(ahi.jobsListed)) jobs listed, \(grouped(ahi.detailsFetched)) fetched in detail, "
                    + "\(grouped(ahi.metadataFetched)) image set metadata read"
                    + (ahi.retries > 0 ? ", \(grouped(ahi.retries)) retries after throttling or errors" : ""))
        }
        if let s3 = report.s3 {
            Swift.print(
                "S3: \(grouped(s3.objectsListed)) objects listed, \(grouped(s3.downloaded)) new or changed downloaded"
                    + " (\(bytes(s3.bytesDownloaded)))"
                    + (s3.changedWhileReading > 0 ? ", \(grouped(s3.changedWhileReading)) changed while reading" : "")
                    + (s3.retries > 0 ? ", \(grouped(s3.retries)) retries after throttling or errors" : ""))
            for problem in s3.problems.prefix(20) { printError("cutover: \(problem)") }
            if s3.problems.count > 20 { printError("… and \(s3.problems.count - 20) more objects not mirrored") }
        }
        IngestSummary(report: report.ingest).print()
    }
}

import CutoverCore
import CutoverStore
import Foundation

/// `cutover status` as text for people and as JSON for scripts (product §6).
enum StatusPrinter {
    private struct JSONShape: Encodable {
        // Cohorts are defined on the source inventory; until one is, this stays an empty array.
        var cohorts: [String] = []
        var jobs: [String: Int64]
        var results: StatusReport.ResultCounts
        var resultLines: StatusReport.ResultCounts
        var warningCodes: [String: Int64]
        var nonPrimaryImageSets: Int64
        var imageSets: Int64
        var events: Int64
        var quarantined: Int64
        var lastPoll: String?
    }

    static func json(_ report: StatusReport) -> String {
        let shape = JSONShape(
            jobs: report.jobs, results: report.results, resultLines: report.resultLines,
            warningCodes: Dictionary(uniqueKeysWithValues: report.warningCodes.map { (String($0.key), $0.value) }),
            nonPrimaryImageSets: report.nonPrimaryImageSets, imageSets: report.imageSets, events: report.events,
            quarantined: report.quarantined, lastPoll: report.lastPoll.map(EpochTime.format))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(shape), as: UTF8.self)
    }

    static func text(_ report: StatusReport, migration: String?, database: String, now: Double) -> String {
        var lines: [String] = []
        let poll = report.lastPoll.map { "last poll \(EpochTime.format($0)) (\(age(now - $0)) ago)" } ?? "never polled"
        lines.append("\(migration ?? "cutover") · \(database) · \(poll)")
        lines.append("")
        let jobTotal = report.jobs.values.reduce(0, +)
        let order = ["SUBMITTED", "IN_PROGRESS", "COMPLETED", "FAILED"]
        let jobParts = report.jobs.sorted { (order.firstIndex(of: $0.key) ?? 9, $0.key) < (order.firstIndex(of: $1.key) ?? 9, $1.key) }
            .map { "\($0.key) \(grouped($0.value))" }
        lines.append(row("jobs", grouped(jobTotal), jobParts.joined(separator: " · ")))
        let r = report.results
        lines.append(
            row(
                "results", grouped(r.success + r.warning + r.failure),
                "success \(grouped(r.success)) · warning \(grouped(r.warning)) · failure \(grouped(r.failure))"
                    + "   (\(grouped(report.resultHistory)) lines incl. retried)"))
        let codes = report.warningCodes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if codes.isEmpty {
            lines.append(row("warnings", "0", ""))
        } else {
            for (index, (code, count)) in codes.enumerated() {
                lines.append(row(index == 0 ? "warnings" : "", grouped(count), "\(code) \(WarningCode.label(code))"))
            }
        }
        lines.append(row("image sets", grouped(report.imageSets), "non-primary \(grouped(report.nonPrimaryImageSets))"))
        lines.append(row("events", grouped(report.events), ""))
        lines.append(row("quarantined", grouped(report.quarantined), report.quarantined > 0 ? "bad lines set aside" : ""))
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ value: String, _ detail: String) -> String {
        let l = label.padding(toLength: 12, withPad: " ", startingAt: 0)
        let v = String(repeating: " ", count: max(0, 10 - value.count)) + value
        return detail.isEmpty ? "\(l)\(v)" : "\(l)\(v)   \(detail)"
    }

    static func age(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min" }
        return "\(s / 3600) h"
    }
}

import CutoverCore
import CutoverSources
import CutoverStore
import Foundation

/// `cutover status` as text for people and as JSON for scripts (product §6).
enum StatusPrinter {
    private struct CohortShape: Encodable {
        var name: String
        var state: String?
        var held: Bool?
        /// Gate name → pending, pass or hold.
        var gates: [String: String]?
        var definedBy: String
        var expected: LevelCounts
        var imported: LevelCounts
        var jobs: [String: Int64]
        /// Open findings by kind.
        var findings: [String: Int64]
    }

    private struct JSONShape: Encodable {
        var cohorts: [CohortShape]
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

    static func json(
        _ report: StatusReport, cohorts: [CohortSummary], findings: [String: [String: Int64]],
        gates: [String: CohortGates] = [:]
    ) -> String {
        let shape = JSONShape(
            cohorts: cohorts.map {
                let g = gates[$0.name]
                return CohortShape(
                    name: $0.name, state: g?.state.rawValue, held: g?.record.held,
                    gates: g.map { Dictionary(uniqueKeysWithValues: $0.gates.map { ($0.name.rawValue, $0.status.rawValue) }) },
                    definedBy: $0.definedBy, expected: $0.expected, imported: $0.imported, jobs: $0.jobs,
                    findings: findings[$0.name] ?? [:])
            },
            jobs: report.jobs, results: report.results, resultLines: report.resultLines,
            warningCodes: Dictionary(uniqueKeysWithValues: report.warningCodes.map { (String($0.key), $0.value) }),
            nonPrimaryImageSets: report.nonPrimaryImageSets, imageSets: report.imageSets, events: report.events,
            quarantined: report.quarantined, lastPoll: report.lastPoll.map(EpochTime.format))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(shape), as: UTF8.self)
    }

    static func text(
        _ report: StatusReport, cohorts: [CohortSummary], findings: [String: [String: Int64]], migration: String?,
        database: String, now: Double
    ) -> String {
        var lines: [String] = []
        let poll = report.lastPoll.map { "last poll \(EpochTime.format($0)) (\(age(now - $0)) ago)" } ?? "never polled"
        lines.append(migration ?? "cutover")
        lines.append("\(database) · \(poll)")
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
                "success \(grouped(r.success)) · warning \(grouped(r.warning)) · failure \(grouped(r.failure))"))
        lines.append(row("lines", grouped(report.resultHistory), "every result line read, retried ones included"))
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
        if !cohorts.isEmpty {
            lines.append("")
            lines.append(
                "cohort".padding(toLength: 16, withPad: " ", startingAt: 0) + "instances".leftPadded(15)
                    + "studies".leftPadded(22) + "findings".leftPadded(10))
            for c in cohorts {
                let percent = c.expected.instances == 0 ? 0 : Double(c.imported.instances) * 100 / Double(c.expected.instances)
                lines.append(
                    c.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + "\(grouped(c.imported.instances))/\(grouped(c.expected.instances))".leftPadded(15)
                        + String(format: "%6.1f %%", percent)
                        + "\(grouped(c.imported.studies))/\(grouped(c.expected.studies))".leftPadded(14)
                        + grouped((findings[c.name] ?? [:]).values.reduce(0, +)).leftPadded(10))
            }
        }
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

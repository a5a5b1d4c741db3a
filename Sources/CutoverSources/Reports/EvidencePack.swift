import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// A cohort's cutover record (issue 4): counts at each level, gates with reasons, findings by kind and state,
/// attestations, approvals and the audit chain head. Patient identifiers are masked unless asked for.
///
/// Built by `cutover report` and the dashboard's export alike; `write(to:)` saves the four files.
public struct EvidencePack: Sendable {
    public let markdown: String
    public let json: String
    public let findingsCSV: String
    public let auditNDJSON: String

    /// The file names `write(to:)` uses, in order.
    public static let fileNames = ["report.md", "report.json", "findings.csv", "audit.ndjson"]

    private struct Shape: Encodable {
        struct Gate: Encodable {
            var name, status: String
            var reasons: [String]
            var counts: [String: Int]
        }
        struct Attestation: Encodable { var item, actor, note: String }
        struct Approval: Encodable { var seq: Int64; var at, actor, action: String; var detail: String }
        struct Study: Encodable {
            var studyInstanceUID: String
            var patientID, patientName, accessionNumber: String?
            var expected, imported: LevelCounts
        }
        var cohort: String
        var generatedAt: String
        var state: String
        var held: Bool
        var holdReason: String?
        var revision: Int64
        var expected, imported, importedInPrimary: LevelCounts
        var gates: [Gate]
        var findings: [String: [String: Int]]
        var attestations: [Attestation]
        var approvals: [Approval]
        var incompleteStudies: [Study]
        var auditChain: String
        var patientIdentifiersMasked: Bool
    }

    public init(database: CutoverDatabase, config: CutoverConfig?, cohort: String, includePHI: Bool, now: Double) throws {
        let context = try CohortGates(database: database, config: config, cohort: cohort)
        guard let summary = try database.cohortSummary(named: cohort) else { throw DecisionError.noSuchCohort(cohort) }
        let findings = try database.findings(cohort: cohort, limit: .max)
        var byKind: [String: [String: Int]] = [:]
        for f in findings { byKind[f.kind.rawValue, default: [:]][f.state.rawValue, default: 0] += 1 }
        let attestations = try database.attestations(cohort: cohort).sorted { $0.key < $1.key }
        let audit = try database.auditEntries(cohort: cohort)
        let approvals = audit.filter { $0.action.hasPrefix("approve") || $0.action == "confirm-approval" }
        let verdict = try database.verifyAudit()
        func phi(_ value: String?) -> String? { includePHI ? value : PatientMask.mask(value) }
        let studies = try database.studyProgress(cohort: cohort).filter { $0.imported.studies == 0 }.prefix(200).map {
            Shape.Study(
                studyInstanceUID: $0.studyInstanceUID, patientID: phi($0.patientID), patientName: phi($0.patientName),
                accessionNumber: phi($0.accessionNumber), expected: $0.expected, imported: $0.imported)
        }
        let shape = Shape(
            cohort: cohort, generatedAt: EpochTime.format(now), state: context.state.rawValue, held: context.record.held,
            holdReason: context.record.holdReason, revision: context.record.revision, expected: summary.expected,
            imported: summary.imported, importedInPrimary: summary.importedInPrimary,
            gates: context.gates.map { .init(name: $0.name.rawValue, status: $0.status.rawValue, reasons: $0.reasons, counts: $0.counts) },
            findings: byKind,
            attestations: attestations.map { .init(item: $0.key, actor: $0.value.actor, note: $0.value.note) },
            approvals: approvals.map {
                .init(seq: $0.seq, at: EpochTime.format($0.at), actor: $0.actor, action: $0.action, detail: $0.detail)
            },
            incompleteStudies: Array(studies), auditChain: verdict.description, patientIdentifiersMasked: !includePHI)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        json = String(decoding: try encoder.encode(shape), as: UTF8.self) + "\n"
        findingsCSV = FindingsCSV.text(findings)
        auditNDJSON = audit.map(AuditJSON.line).joined(separator: "\n") + (audit.isEmpty ? "" : "\n")

        var md = ["# Cutover record: \(cohort)", ""]
        md.append("Generated \(shape.generatedAt) by cutover. State **\(shape.state)**"
            + (shape.held ? ", **held** (\(shape.holdReason ?? ""))" : "") + ", revision \(shape.revision).")
        md.append("Patient identifiers are " + (includePHI ? "**shown unmasked** (--include-phi)." : "masked."))
        md += ["", "## Counts", "", "| level | expected | imported | in a primary image set |", "|---|---:|---:|---:|"]
        for (label, e, i, p) in [
            ("studies", summary.expected.studies, summary.imported.studies, summary.importedInPrimary.studies),
            ("series", summary.expected.series, summary.imported.series, summary.importedInPrimary.series),
            ("instances", summary.expected.instances, summary.imported.instances, summary.importedInPrimary.instances),
        ] {
            md.append("| \(label) | \(e) | \(i) | \(p) |")
        }
        md += ["", "## Gates", ""]
        for gate in shape.gates {
            md.append("- **\(gate.name)**: \(gate.status)")
            for reason in gate.reasons.prefix(20) { md.append("  - \(reason)") }
        }
        md += ["", "## Findings", "", "| kind | state | count |", "|---|---|---:|"]
        for (kind, states) in byKind.sorted(by: { $0.key < $1.key }) {
            for (state, n) in states.sorted(by: { $0.key < $1.key }) { md.append("| \(kind) | \(state) | \(n) |") }
        }
        md += ["", "## Attestations", ""]
        md += shape.attestations.isEmpty ? ["none"] : shape.attestations.map { "- \($0.item): \($0.actor): \($0.note)" }
        md += ["", "## Approvals", ""]
        md += shape.approvals.isEmpty ? ["none"] : shape.approvals.map { "- #\($0.seq) \($0.at) \($0.actor) \($0.action)" }
        if !studies.isEmpty {
            md += ["", "## Studies not complete", "", "| study | patient | accession | series | instances |", "|---|---|---|---:|---:|"]
            for s in studies {
                md.append("| \(s.studyInstanceUID) | \(s.patientID ?? "") | \(s.accessionNumber ?? "") | "
                    + "\(s.imported.series)/\(s.expected.series) | \(s.imported.instances)/\(s.expected.instances) |")
            }
        }
        md += ["", "## Audit chain", "", verdict.description, ""]
        markdown = md.joined(separator: "\n")
    }

    /// Writes report.md, report.json, findings.csv and audit.ndjson into `folder` (created if needed) and
    /// returns their paths.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for (name, text) in zip(Self.fileNames, [markdown, json, findingsCSV, auditNDJSON]) {
            let path = (folder as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return paths
    }
}

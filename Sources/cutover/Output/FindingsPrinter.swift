import CutoverCore
import CutoverSources
import CutoverStore
import Foundation

/// Findings as a table, JSON or CSV.
enum FindingsPrinter {
    private struct Shape: Encodable {
        var id: Int64
        var kind: String
        var subject: String
        var code: Int?
        var cohort: String?
        var state: String
        var present: Bool
        var firstSeen: String
        var updatedAt: String
    }

    private static func shape(_ f: Finding) -> Shape {
        Shape(
            id: f.id, kind: f.kind.rawValue, subject: f.subject, code: f.code, cohort: f.cohort, state: f.state.rawValue,
            present: f.present, firstSeen: EpochTime.format(f.firstSeen), updatedAt: EpochTime.format(f.updatedAt))
    }

    static func json(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(findings.map(shape)), as: UTF8.self)
    }

    static func csv(_ findings: [Finding]) -> String { FindingsCSV.text(findings) }

    static func table(_ findings: [Finding]) -> String {
        var lines = ["id".leftPadded(7) + "  " + pad("kind", 15) + pad("state", 14) + pad("cohort", 16) + "subject"]
        for f in findings {
            let what = f.code.map { "\(f.subject)  [\($0) \(WarningCode.label($0))]" } ?? f.subject
            lines.append(
                String(f.id).leftPadded(7) + "  " + pad(f.kind.rawValue, 15) + pad(f.state.rawValue, 14)
                    + pad(f.cohort ?? "-", 16) + what)
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s.padding(toLength: width, withPad: " ", startingAt: 0)
    }

}

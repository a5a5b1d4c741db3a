import CutoverCore
import CutoverStore

/// Findings as CSV (`cutover findings --csv`, the evidence pack's findings.csv).
public enum FindingsCSV {
    public static let header = "id,kind,subject,code,cohort,state,present,first_seen,updated_at\n"

    public static func text(_ findings: [Finding]) -> String {
        var out = header
        for f in findings {
            let fields = [
                String(f.id), f.kind.rawValue, f.subject, f.code.map(String.init) ?? "", f.cohort ?? "", f.state.rawValue,
                f.present ? "true" : "false", EpochTime.format(f.firstSeen), EpochTime.format(f.updatedAt),
            ]
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

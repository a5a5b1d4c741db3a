import CutoverFormats
import Foundation
import Testing

/// Agreement with pydicom on files written by others.
///
/// Runs only when `CUTOVER_PYDICOM_ORACLE` names a JSON-lines file made by `oracle/pydicom_oracle.py`. Every file
/// pydicom reads without `force` must give the same transfer syntax, UIDs, modality and frame count. Files
/// pydicom rejects must not crash the reader; what it does with them, and whether that matches pydicom's
/// `force=True` reading, is printed with the agreement figures.
struct PydicomOracleTests {
    static let oraclePath = ProcessInfo.processInfo.environment["CUTOVER_PYDICOM_ORACLE"]

    static let comparedFields: [(String, KeyPath<DicomHeader, String?> & Sendable)] = [
        ("transferSyntaxUID", \.transferSyntaxUID), ("sopClassUID", \.sopClassUID),
        ("sopInstanceUID", \.sopInstanceUID), ("studyInstanceUID", \.studyInstanceUID),
        ("seriesInstanceUID", \.seriesInstanceUID), ("modality", \.modality),
    ]

    @Test(.enabled(if: oraclePath != nil, "set CUTOVER_PYDICOM_ORACLE to a pydicom_oracle.py output"))
    func agreesWithPydicom() throws {
        let rows = try Self.loadRows()
        var agreed = 0
        var disagreed: [String] = []
        var rejectedByPydicom: [String] = []
        for row in rows {
            guard let path = row["path"] as? String else { continue }
            let name = (path as NSString).lastPathComponent
            let result = Result { () throws(DicomReadError) -> DicomHeader in try DicomHeaderReader.read(path: path) }
            guard row["read"] as? String == "normal" else {
                var line = "\(name) [pydicom: \(row["read"] as? String ?? "?")]: \(Self.describe(result))"
                if row["read"] as? String == "force", case .success = result {
                    let differences = Self.differences(result, row)
                    line +=
                        differences.isEmpty
                        ? ", same as pydicom's forced read"
                        : ", unlike pydicom's forced read: " + differences.joined(separator: "; ")
                }
                rejectedByPydicom.append(line)
                continue
            }
            let differences = Self.differences(result, row)
            if differences.isEmpty {
                agreed += 1
            } else {
                disagreed.append("\(name): \(differences.joined(separator: "; "))")
            }
        }
        print("pydicom oracle: \(rows.count) files, \(agreed + disagreed.count) read by pydicom without force")
        print("  agreed \(agreed), disagreed \(disagreed.count)")
        for line in disagreed { print("  DISAGREE: \(line)") }
        for line in rejectedByPydicom { print("  pydicom rejects \(line)") }
        #expect(disagreed.isEmpty, "\(disagreed.joined(separator: "\n"))")
    }

    private static func loadRows() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: oraclePath!, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    private static func differences(_ result: Result<DicomHeader, DicomReadError>, _ row: [String: Any]) -> [String] {
        let header: DicomHeader
        switch result {
        case .success(let read): header = read
        case .failure(let error): return ["we fail: \(error.reason)"]
        }
        var differences: [String] = []
        for (key, field) in comparedFields {
            let theirs = row[key] as? String
            if header[keyPath: field] != theirs {
                differences.append("\(key) ours \(header[keyPath: field] ?? "nil") theirs \(theirs ?? "nil")")
            }
        }
        let theirFrames = row["numberOfFrames"] as? Int
        if header.numberOfFrames != theirFrames {
            let ours = header.numberOfFrames.map(String.init) ?? "nil"
            differences.append("numberOfFrames ours \(ours) theirs \(theirFrames.map(String.init) ?? "nil")")
        }
        return differences
    }

    private static func describe(_ result: Result<DicomHeader, DicomReadError>) -> String {
        switch result {
        case .success(let header):
            "we read it (syntax \(header.transferSyntaxUID ?? "none"), study \(header.studyInstanceUID ?? "none"))"
        case .failure(let error):
            "we fail: \(error.reason)"
        }
    }
}

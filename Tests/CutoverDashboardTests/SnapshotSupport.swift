import CutoverTerminal
import Foundation
import Testing

/// Compares a frame with its recorded text snapshot in `Snapshots/`; `RECORD_SNAPSHOTS=1` writes the file
/// instead and fails, so a recording run is never mistaken for a passing one.
enum SnapshotSupport {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ buffer: CellBuffer, mono: Bool, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = TextSnapshot.make(buffer, theme: .default, depth: mono ? .mono : .palette256)
        let file = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).txt; run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt; record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if recorded != text {
            let expected = recorded.split(separator: "\n", omittingEmptySubsequences: false)
            let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            let want = line < expected.count ? String(expected[line]) : "<end>"
            let got = line < actual.count ? String(actual[line]) : "<end>"
            Issue.record(
                "\(name).txt differs at line \(line + 1):\n  recorded: \(want)\n  rendered: \(got)",
                sourceLocation: sourceLocation)
        }
    }
}

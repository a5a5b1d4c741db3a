import CutoverCore
import CutoverStore
import Foundation

/// One audit row as a line of JSON (`cutover audit --json`, the evidence pack's audit.ndjson).
public enum AuditJSON {
    private struct Shape: Encodable {
        var seq: Int64
        var at: String
        var actor: String
        var host: String?
        var sshClient: String?
        var action: String
        var cohort: String?
        var detail: String
        var prevHash: String
        var hash: String
    }

    public static func line(_ e: AuditEntry) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let shape = Shape(
            seq: e.seq, at: EpochTime.format(e.at), actor: e.actor, host: e.host, sshClient: e.sshClient,
            action: e.action, cohort: e.cohort, detail: e.detail, prevHash: e.prevHash, hash: e.hash)
        return String(decoding: (try? encoder.encode(shape)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

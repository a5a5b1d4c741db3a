/// One audit row: who did what to which cohort, when, chained to the row before it.
public struct AuditEntry: Equatable, Sendable {
    public var seq: Int64
    public var at: Double
    public var actor: String
    public var host: String?
    public var sshClient: String?
    public var action: String
    public var cohort: String?
    /// Canonical JSON (sorted keys) with the action's particulars: reason, note, outcome.
    public var detail: String
    public var prevHash: String
    public var hash: String

    public init(
        seq: Int64, at: Double, actor: String, host: String? = nil, sshClient: String? = nil, action: String,
        cohort: String? = nil, detail: String = "{}", prevHash: String = "", hash: String = ""
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.host = host
        self.sshClient = sshClient
        self.action = action
        self.cohort = cohort
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The bytes hashed after the previous hash: every field, length-prefixed so that no two different rows
    /// can produce the same text.
    var canonical: String {
        // Time in whole milliseconds: the REAL read back from SQLite formats the same as the one written.
        let fields: [String?] = [
            String(seq), String(Int64((at * 1000).rounded())), actor, host, sshClient, action, cohort, detail,
        ]
        return fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "-" }.joined(separator: ";")
    }
}

/// What `cutover audit --verify` found.
public enum AuditVerdict: Equatable, Sendable, CustomStringConvertible {
    case intact(rows: Int64, head: String)
    /// The first row that does not hold, and why.
    case broken(seq: Int64, reason: String)

    public var description: String {
        switch self {
        case .intact(let rows, let head): "audit chain intact: \(rows) rows, head \(head.prefix(16))…"
        case .broken(let seq, let reason): "audit chain broken at row \(seq): \(reason)"
        }
    }
}

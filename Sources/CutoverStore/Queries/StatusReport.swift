import CutoverCore
import GRDB

/// `cutover status`: the whole migration at a glance (product §6), read from small tables only.
public struct StatusReport: Equatable, Sendable {
    public struct ResultCounts: Equatable, Sendable, Encodable {
        public var success: Int64
        public var warning: Int64
        public var failure: Int64

        public init(success: Int64, warning: Int64, failure: Int64) {
            self.success = success
            self.warning = warning
            self.failure = failure
        }
    }

    /// Jobs by `jobStatus` (`UNKNOWN` for jobs seen only through their output folder).
    public var jobs: [String: Int64]
    /// Current outcomes: the newest job's result for each input key.
    public var results: ResultCounts
    /// Result lines ever ingested by outcome, retries and their predecessors included: these equal the line
    /// counts of the output files.
    public var resultLines: ResultCounts
    public var resultHistory: Int64 { resultLines.success + resultLines.warning + resultLines.failure }
    /// Current warning results by code.
    public var warningCodes: [Int: Int64]
    public var nonPrimaryImageSets: Int64
    public var imageSets: Int64
    public var events: Int64
    public var quarantined: Int64
    /// Epoch seconds of the last finished poll or ingest.
    public var lastPoll: Double?
}

extension CutoverDatabase {
    public func status() throws -> StatusReport {
        let jobs = try jobStatusCounts()
        return try read { db in
            var counters: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM counters") {
                counters[row["name"]] = row["value"]
            }
            var codes: [Int: Int64] = [:]
            for (name, value) in counters where name.hasPrefix("code.") && value != 0 {
                if let code = Int(name.dropFirst(5)) { codes[code] = value }
            }
            func count(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
            return StatusReport(
                jobs: jobs,
                results: .init(
                    success: counters["current.success"] ?? 0, warning: counters["current.warning"] ?? 0,
                    failure: counters["current.failure"] ?? 0),
                resultLines: try lineCounts(db),
                warningCodes: codes,
                nonPrimaryImageSets: try count("SELECT count(*) FROM image_sets WHERE is_primary = 0"),
                imageSets: try count("SELECT count(*) FROM image_sets"),
                events: try count("SELECT count(*) FROM events"),
                quarantined: try count("SELECT count(*) FROM quarantine"),
                lastPoll: try Double.fetchOne(db, sql: "SELECT max(finished_at) FROM polls"))
        }
    }

    private func lineCounts(_ db: Database) throws -> StatusReport.ResultCounts {
        let row = try Row.fetchOne(
            db, sql: "SELECT sum(success_lines) AS s, sum(warning_lines) AS w, sum(failure_lines) AS f FROM jobs")
        return .init(success: row?["s"] ?? 0, warning: row?["w"] ?? 0, failure: row?["f"] ?? 0)
    }

    /// Quarantined input, oldest first: where it was and why, never its content.
    public func quarantineEntries(limit: Int = 100) throws -> [(path: String, line: Int, reason: String)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT path, line, reason FROM quarantine ORDER BY id LIMIT ?", arguments: [limit]
            ).map { ($0["path"], $0["line"], $0["reason"]) }
        }
    }
}

import GRDB

extension CutoverDatabase {
    /// Jobs by `jobStatus` (`UNKNOWN` for jobs seen only through their output folder), from the status index.
    public func jobStatusCounts() throws -> [String: Int64] {
        try read { db in
            var jobs: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT coalesce(status, 'UNKNOWN') AS s, count(*) AS n FROM jobs GROUP BY s") {
                jobs[row["s"]] = row["n"]
            }
            return jobs
        }
    }
}

import GRDB

extension CutoverDatabase {
    /// What the store knows of each job, by job id: its status, and whether its input location is known
    /// (list responses leave it out, so the API poller asks for those jobs' details).
    public func jobStates() throws -> [String: (status: String?, hasInput: Bool)] {
        try read { db in
            var states: [String: (String?, Bool)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT job_id, status, input_s3_uri IS NOT NULL AS has_input FROM jobs") {
                states[row["job_id"]] = (row["status"], row["has_input"])
            }
            return states
        }
    }
}

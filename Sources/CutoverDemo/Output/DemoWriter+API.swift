import Foundation

/// ListDICOMImportJobs pages and GetDICOMImportJob responses as AHI returns them on the wire.
extension DemoWriter {
    static let pageSize = 50

    func advanceAPI(atMs ms: Int64) throws {
        // Newest first, like the reference example; jobs are stored in submission order.
        let visible = plan.jobs.filter { $0.submittedMs <= ms }.reversed().map { $0 }
        let pageCount = max(1, (visible.count + Self.pageSize - 1) / Self.pageSize)
        for page in 0..<pageCount {
            let chunk = visible.dropFirst(page * Self.pageSize).prefix(Self.pageSize)
            var members: [(String, JSONValue)] = [("jobSummaries", .array(chunk.map { summaryJSON($0, atMs: ms) }))]
            if page + 1 < pageCount, let last = chunk.last {
                let token = "{\"page\":\(page + 2),\"lastJobId\":\"\(last.id)\"}"
                members.append(("nextToken", .string(Data(token.utf8).base64EncodedString())))
            }
            let name = "api/list-dicom-import-jobs-" + DemoText.padded(page + 1, 4) + ".json"
            try folder.replaceIfChanged(name, JSONValue.object(members).prettyBytes)
        }
        for job in plan.jobs where (job.kind == .failed || job.kind == .stalled) && job.submittedMs <= ms {
            try folder.replaceIfChanged("api/jobs/\(job.id).json", propertiesJSON(job, atMs: ms).prettyBytes)
        }
    }

    private func summaryJSON(_ job: PlannedJob, atMs ms: Int64) -> JSONValue {
        .object(jobFields(job, atMs: ms, withLocations: false))
    }

    private func propertiesJSON(_ job: PlannedJob, atMs ms: Int64) -> JSONValue {
        .object([("jobProperties", .object(jobFields(job, atMs: ms, withLocations: true)))])
    }

    /// The fields AHI returns for a job, in its order: GetDICOMImportJob adds the input and output URIs to what
    /// ListDICOMImportJobs says.
    private func jobFields(_ job: PlannedJob, atMs ms: Int64, withLocations: Bool) -> [(String, JSONValue)] {
        let status = job.status(atMs: ms) ?? .submitted
        var fields: [(String, JSONValue)] = [
            ("jobId", .string(job.id)),
            ("jobName", .string(job.name)),
            ("jobStatus", .string(status.wire)),
            ("datastoreId", .string(plan.datastore)),
            ("dataAccessRoleArn", .string(plan.roleArn)),
        ]
        if status.isTerminal { fields.append(("endedAt", .seconds(ms: job.endedMs))) }
        fields.append(("submittedAt", .seconds(ms: job.submittedMs)))
        if withLocations {
            fields.append(("inputS3Uri", .string(plan.inputS3Uri(job))))
            fields.append(("outputS3Uri", .string(plan.outputS3Uri(job))))
        }
        if status == .failed, let message = job.failureMessage { fields.append(("message", .string(message))) }
        return fields
    }
}

import CutoverCore
import GRDB

/// One import job as the Jobs page shows it: identity, cohort, status, times and the manifest's counters.
public struct JobRow: Equatable, Sendable {
    public var jobId: String
    public var jobName: String?
    /// The cohort whose prefix covers the job's input prefix (else the cohort of its first inventory key).
    public var cohort: String?
    /// `jobStatus`; nil when only the job's output folder was seen (shown as UNKNOWN).
    public var status: String?
    /// Epoch seconds.
    public var submittedAt: Double?
    public var endedAt: Double?
    /// From `job-output-manifest.json`, once read.
    public var scanned: Int64?
    public var imported: Int64?
    public var customerErrors: Int64?
    public var serverErrors: Int64?
    /// Result lines read from the job's WARNING and FAILURE files.
    public var warningLines: Int64
    public var failureLines: Int64

    public init(
        jobId: String, jobName: String? = nil, cohort: String? = nil, status: String? = nil, submittedAt: Double? = nil,
        endedAt: Double? = nil, scanned: Int64? = nil, imported: Int64? = nil, customerErrors: Int64? = nil,
        serverErrors: Int64? = nil, warningLines: Int64 = 0, failureLines: Int64 = 0
    ) {
        self.jobId = jobId
        self.jobName = jobName
        self.cohort = cohort
        self.status = status
        self.submittedAt = submittedAt
        self.endedAt = endedAt
        self.scanned = scanned
        self.imported = imported
        self.customerErrors = customerErrors
        self.serverErrors = serverErrors
        self.warningLines = warningLines
        self.failureLines = failureLines
    }

    /// Seconds from submission to end, when both are known.
    public var duration: Double? {
        guard let submittedAt, let endedAt else { return nil }
        return endedAt - submittedAt
    }

    /// Files the manifest counts as failed (customer plus server errors).
    public var errors: Int64? {
        guard customerErrors != nil || serverErrors != nil else { return nil }
        return (customerErrors ?? 0) + (serverErrors ?? 0)
    }
}

extension CutoverDatabase {
    /// The Jobs page. Filter: job id, name, cohort, status (`UNKNOWN` for none).
    ///
    /// Sort keys: `submitted` (the default: newest first when no sort is named), `status`, `cohort`, `name`,
    /// `errors` (manifest customer + server errors), `duration`. Missing values sort last either way; ties go
    /// newest first. The jobs table is small (one row per import job), so the page is built in memory.
    public func jobsPage(_ request: PageRequest) throws -> PageSlice<JobRow> {
        try read { db in
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") { names[row["id"]] = row["name"] }
            var rows: [JobRow] = []
            let jobs = try Row.fetchCursor(
                db,
                sql: """
                    SELECT job_id, job_name, status, submitted_at, ended_at, input_s3_uri, scanned_files, imported_files,
                           customer_error_files, server_error_files, warning_lines, failure_lines
                    FROM jobs
                    """)
            while let job = try jobs.next() {
                var cohort: String?
                if let uri: String = job["input_s3_uri"], let prefix = S3Location(uri: uri)?.key {
                    cohort = try Cohorts.cohort(ofPrefix: prefix, db).flatMap { names[$0] }
                }
                let row = JobRow(
                    jobId: job["job_id"], jobName: job["job_name"], cohort: cohort, status: job["status"],
                    submittedAt: job["submitted_at"], endedAt: job["ended_at"], scanned: job["scanned_files"],
                    imported: job["imported_files"], customerErrors: job["customer_error_files"],
                    serverErrors: job["server_error_files"], warningLines: job["warning_lines"],
                    failureLines: job["failure_lines"])
                if request.matches(row.jobId, row.jobName, row.cohort, row.status ?? "UNKNOWN") { rows.append(row) }
            }
            let newestFirst: (JobRow, JobRow) -> Bool = { a, b in
                let x = a.submittedAt ?? -.infinity
                let y = b.submittedAt ?? -.infinity
                return x == y ? a.jobId < b.jobId : x > y
            }
            let descending = request.descending
            let sorted: [JobRow]
            switch request.sort {
            case "status": sorted = rows.sortedNilsLast(by: { $0.status }, descending: descending, tiebreak: newestFirst)
            case "cohort": sorted = rows.sortedNilsLast(by: { $0.cohort }, descending: descending, tiebreak: newestFirst)
            case "name": sorted = rows.sortedNilsLast(by: { $0.jobName }, descending: descending, tiebreak: newestFirst)
            case "errors": sorted = rows.sortedNilsLast(by: { $0.errors }, descending: descending, tiebreak: newestFirst)
            case "duration":
                sorted = rows.sortedNilsLast(by: { $0.duration }, descending: descending, tiebreak: newestFirst)
            case "submitted":
                sorted = rows.sortedNilsLast(by: { $0.submittedAt }, descending: descending, tiebreak: { $0.jobId < $1.jobId })
            default:
                sorted = rows.sortedNilsLast(by: { $0.submittedAt }, descending: true, tiebreak: { $0.jobId < $1.jobId })
            }
            return PageSlice(rows: Array(sorted.prefix(request.boundedLimit)), total: rows.count)
        }
    }
}

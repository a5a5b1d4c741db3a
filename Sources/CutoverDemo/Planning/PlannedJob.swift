import CutoverCore

/// One StartDICOMImportJob of the migration, with its times and what it will have produced.
struct PlannedJob: Sendable {
    enum Kind: Sendable, Equatable {
        case regular
        /// Re-imports a series whose first import failed, after it was exported again.
        case retry
        /// Fails as a whole (input not readable): no output folder, a `message` in the API.
        case failed
        /// Stays IN_PROGRESS forever after writing part of its lines.
        case stalled
    }

    var index: Int
    var kind: Kind
    var cohort: Int
    var batch: Int
    var seriesRange: Range<Int>
    var instanceCount: Int
    var bytes: Int64
    var id: String
    var name: String
    /// The input prefix as an S3 key without bucket, e.g. `input/ed-2019/batch-0007/`.
    var inputPrefix: String
    var submittedMs: Int64 = 0
    var startedMs: Int64 = 0
    /// For a stalled job, the end it would have had; it never gets there.
    var endedMs: Int64 = 0
    /// How many files are processed before the job stops moving (all of them unless stalled).
    var stallCount: Int
    /// About this many files fail on AHI's side (`numberOfFilesWithServerError`); zero for most jobs.
    var serverErrors: Int = 0
    var tally = JobTally()

    /// Files processed by `t`: AHI works through a job at an even pace.
    func processed(atMs t: Int64) -> Int {
        guard kind != .failed, t >= startedMs, instanceCount > 0 else { return 0 }
        let done = t >= endedMs ? instanceCount : Int(Int64(instanceCount) * (t - startedMs) / (endedMs - startedMs))
        return min(done, stallCount)
    }

    /// The first millisecond at which the file of processing rank `rank` is done.
    func visibleMs(rank: Int) -> Int64 {
        let duration = endedMs - startedMs
        let numerator = Int64(rank + 1) * duration
        let n = Int64(instanceCount)
        return startedMs + (numerator + n - 1) / n
    }

    /// When a stalled job wrote its last line; for the others, when they end.
    var settledMs: Int64 {
        kind == .stalled ? (stallCount > 0 ? visibleMs(rank: stallCount - 1) : startedMs) : endedMs
    }

    func status(atMs t: Int64) -> JobStatus? {
        if t < submittedMs { return nil }
        if t < startedMs { return .submitted }
        if kind == .stalled || t < endedMs { return .inProgress }
        return kind == .failed ? .failed : .completed
    }

    /// AHI's job-level failure text (reference §2.3 style; the model's pattern allows these characters).
    var failureMessage: String? {
        guard kind == .failed else { return nil }
        return "DICOM import job has failed. Unable to read input location s3://\(DemoPlan.inputBucket)/"
            + "\(inputPrefix) - access denied"
    }
}

/// What a finished job reports, counted from its instances' outcomes.
struct JobTally: Sendable, Equatable {
    var success = 0
    var warning = 0
    var customerError = 0
    var serverError = 0

    var imported: Int { success + warning }
    var lines: Int { success + warning + customerError }
    var scanned: Int { imported + customerError + serverError }

    mutating func count(_ outcome: InstanceOutcome) {
        switch outcome.kind {
        case .success: success += 1
        case .warning: warning += 1
        case .customerError: customerError += 1
        case .serverError: serverError += 1
        }
    }
}

extension DemoPlan {
    func folderName(_ job: PlannedJob) -> String { JobFolderName(datastoreId: datastore, jobId: job.id).name }

    func inputS3Uri(_ job: PlannedJob) -> String { "s3://\(Self.inputBucket)/\(job.inputPrefix)" }

    /// The per-job folder, as GetDICOMImportJob and the manifest report it.
    func outputS3Uri(_ job: PlannedJob) -> String {
        "s3://\(Self.outputBucket)/\(cohorts[job.cohort].name)/\(folderName(job))/"
    }

    /// Relative to the demo directory.
    func jobFolderPath(_ job: PlannedJob) -> String { "jobs/\(cohorts[job.cohort].name)/\(folderName(job))" }
}

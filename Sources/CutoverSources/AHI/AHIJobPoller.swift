import CutoverCloud
import CutoverCore
import CutoverFormats
import CutoverStore

/// Import jobs from the HealthImaging API into the store: every job from `ListDICOMImportJobs` (paged), and
/// `GetDICOMImportJob` only for jobs that are still running or whose input location is not known yet, so a
/// steady poll costs one list call per page (ListDICOMImportJobs allows 10 per second, GetDICOMImportJob 25).
public struct AHIJobPoller {
    public struct Report: Sendable, Equatable {
        public var jobsListed = 0
        public var detailsFetched = 0
        public var metadataFetched = 0
        public var retries = 0
    }

    /// Details asked for per poll at most; the rest wait for the next poll.
    public static let detailsPerPoll = 50
    /// Image set metadata documents read per poll at most (GetImageSetMetadata allows 50 per second).
    public static let metadataPerPoll = 50

    let client: AHIClient
    let database: CutoverDatabase

    public init(client: AHIClient, database: CutoverDatabase) {
        self.client = client
        self.database = database
    }

    public func poll(datastores: [String], now: () -> Double) throws -> Report {
        let started = now()
        var report = Report()
        let known = try database.jobStates()
        var observations: [ImportJobObservation] = []
        for datastore in datastores {
            var token: String?
            repeat {
                let page = try client.listImportJobs(datastoreId: datastore, nextToken: token)
                observations += page.jobs
                token = page.nextToken
            } while token != nil
        }
        report.jobsListed = observations.count
        // Jobs never seen in detail first (their input location decides their cohort), then jobs whose status
        // moved, then running ones; the rest wait for the next poll.
        func wanted(_ job: ImportJobObservation) -> Int? {
            let state = known[job.jobId]
            if state?.hasInput != true { return 0 }
            if state?.status != job.status?.wire { return 1 }
            if job.status == .submitted || job.status == .inProgress { return 2 }
            return nil
        }
        let chosen = observations.enumerated().compactMap { index, job in wanted(job).map { ($0, index, job) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(Self.detailsPerPoll)
        var details: [ImportJobObservation] = []
        for (_, _, job) in chosen {
            details.append(try client.importJob(datastoreId: job.datastoreId, jobId: job.jobId))
        }
        report.detailsFetched = details.count
        try database.ingest { session in
            for job in observations + details { try session.merge(job) }
            try session.recordPoll(
                source: "ahi", startedAt: started, finishedAt: now(), ok: true,
                message: "\(report.jobsListed) jobs listed, \(report.detailsFetched) detailed")
        }
        report.metadataFetched = try readMetadata(now: now)
        report.retries = client.retries
        return report
    }

    /// Reads the metadata of image sets that are new or have a newer version, so their instances' stored
    /// transfer syntaxes become known rather than predicted. A set the service does not have is recorded as
    /// not found, so it is not asked for again until its version moves.
    private func readMetadata(now: () -> Double) throws -> Int {
        let wanted = try database.imageSetsNeedingMetadata(limit: Self.metadataPerPoll)
        for target in wanted {
            var instances: [ImageSetInstance] = []
            var found = true
            var version = target.version
            do {
                // Without a version from results or events, ask which one is current, so the metadata read is
                // the one its version will be compared with next time.
                if version == nil {
                    version = try client.imageSet(datastoreId: target.datastoreId, imageSetId: target.imageSetId)
                        .versionId.flatMap { Int($0) }
                }
                let document = try client.imageSetMetadataDocument(
                    datastoreId: target.datastoreId, imageSetId: target.imageSetId, version: version.map(String.init))
                instances = try ImageSetMetadataDecoder.instances(document)
            } catch let error as AWSServiceError where error.status == 404 {
                found = false
            }
            try database.recordImageSetMetadata(
                imageSetId: target.imageSetId, version: version, instances: instances, found: found, now: now())
        }
        return wanted.count
    }
}

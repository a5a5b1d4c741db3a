import CutoverCloud
import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// One poll of everything `cutover.toml` names: its cohorts, its inventory files (re-imported when they
/// change), its S3 prefixes (mirrored into the cache beside the database) and its local source folders.
public struct ConfiguredPoll {
    public struct Report: Sendable {
        public var ingest: IngestReport
        public var inventory: [(path: String, report: InventoryImporter.Report)]
        public var cohortsDefined: [String]
        /// Set when the HealthImaging API was polled this round.
        public var ahi: AHIJobPoller.Report?
        /// Set when the S3 prefixes were listed this round.
        public var s3: S3Mirror.Report?
    }

    let config: CutoverConfig
    let database: CutoverDatabase
    let environment: [String: String]

    public init(
        config: CutoverConfig, database: CutoverDatabase,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.database = database
        self.environment = environment
    }

    /// One round. `shouldStop` is asked between its steps and between ingest batches: a round told to stop
    /// leaves the rest (and the gate snapshots, which the next round records) to the next round.
    public func run(now: () -> Double, shouldStop: () -> Bool = { false }) throws -> Report {
        // Cohorts first, so the inventory read next is assigned to them. Only new or changed definitions
        // touch the inventory: an idle poll stays cheap.
        var defined: [String] = []
        let known = try database.cohortPrefixes()
        for cohort in config.cohorts {
            guard let prefix = cohort.prefix, known[cohort.name] != .some(.some(prefix)) else { continue }
            try database.defineCohort(
                name: cohort.name, .prefix(prefix), definedBy: "config", regionProfile: cohort.regionProfile)
            defined.append(cohort.name)
        }
        let importer = InventoryImporter(database: database)
        var inventory: [(String, InventoryImporter.Report)] = []
        for path in config.inventoryFiles {
            inventory.append((path, try importer.importFile(path, onlyIfChanged: true)))
        }
        let ahi = shouldStop() ? nil : try pollAHI(now: now)
        let s3 = shouldStop() ? nil : try pollS3(now: now)
        // The S3 cache is read even in rounds that do not list S3: what an earlier, interrupted round
        // downloaded is ingested now.
        let s3Folders = try config.s3.map {
            try S3Mirror.folders(for: $0.uris, cacheRoot: S3Mirror.cacheRoot(forDatabase: database.path))
        } ?? []
        let ingest = try FolderIngestor(database: database).ingest(
            paths: config.localPaths + s3Folders, now: now, shouldStop: shouldStop)
        if shouldStop() {
            return Report(ingest: ingest, inventory: inventory, cohortsDefined: defined, ahi: ahi, s3: s3)
        }
        // Gates move with the data: after anything new, each cohort's changes are recorded and audited. Also
        // when an earlier poll stopped (killed, disk full) after its data but before its gates were recorded.
        let generation = try database.dataGeneration()
        let changedData = ingest.stats.newRows > 0 || !defined.isEmpty || inventory.contains { !$0.1.unchanged }
            || (ahi?.jobsListed ?? 0) > 0
        if try changedData || database.gatesAreBehind(generation: generation) {
            try database.refreshCohortDigests()
            for cohort in try database.cohortPrefixes().keys.sorted() {
                let now = try CohortGates(database: database, config: config, cohort: cohort)
                try database.recordGateSnapshot(
                    cohort: cohort, state: now.state, gates: now.gates, actor: Actor(name: "cutover", host: nil))
            }
            try database.markGatesRecorded(generation: generation)
        }
        return Report(ingest: ingest, inventory: inventory, cohortsDefined: defined, ahi: ahi, s3: s3)
    }

    /// The API's jobs for every configured data store, when `[sources.ahi]` is on and its interval has passed
    /// since the last API poll (any process's).
    private func pollAHI(now: () -> Double) throws -> AHIJobPoller.Report? {
        guard let ahi = config.ahi, !config.datastores.isEmpty else { return nil }
        if let last = try database.lastPoll(source: "ahi"), now() - last < ahi.intervalSeconds { return nil }
        let chain = CredentialChain(environment: environment)
        let credentials = try chain.credentials()
        let region = try config.datastores.first?.region ?? chain.region()
        let client = try AHIClient(
            http: CurlHTTPClient(environment: environment), credentials: credentials, region: region,
            environment: environment, timeout: .milliseconds(Int64(ahi.timeoutSeconds * 1000)))
        return try AHIJobPoller(client: client, database: database).poll(
            datastores: config.datastores.map(\.id), now: now)
    }

    /// New and changed objects under every `[sources.s3]` URI, downloaded into the cache, when its interval
    /// has passed since the last S3 listing (any process's).
    private func pollS3(now: () -> Double) throws -> S3Mirror.Report? {
        guard let s3 = config.s3 else { return nil }
        if let last = try database.lastPoll(source: "s3"), now() - last < s3.intervalSeconds { return nil }
        let started = now()
        let chain = CredentialChain(environment: environment)
        let credentials = try chain.credentials()
        // The bucket's region comes from the environment or profile; a data store's region is the next guess.
        let region: String
        if let configured = try? chain.region() {
            region = configured
        } else if let datastoreRegion = config.datastores.first?.region {
            region = datastoreRegion
        } else {
            region = try chain.region()
        }
        let client = try S3Client(
            http: CurlHTTPClient(environment: environment), credentials: credentials, region: region,
            environment: environment, timeout: .milliseconds(Int64(s3.timeoutSeconds * 1000)))
        let report = try S3Mirror(client: client, cacheRoot: S3Mirror.cacheRoot(forDatabase: database.path))
            .mirror(s3.uris)
        try database.ingest { session in
            try session.recordPoll(
                source: "s3", startedAt: started, finishedAt: now(), ok: report.problems.isEmpty,
                message: "\(report.objectsListed) objects listed, \(report.downloaded) downloaded")
        }
        return report
    }
}

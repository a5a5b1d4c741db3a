import CutoverCloud
import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// One poll of everything `cutover.toml` names: its cohorts, its inventory files (re-imported when they
/// change) and its local source folders.
public struct ConfiguredPoll {
    public struct Report: Sendable {
        public var ingest: IngestReport
        public var inventory: [(path: String, report: InventoryImporter.Report)]
        public var cohortsDefined: [String]
        /// Set when the HealthImaging API was polled this round.
        public var ahi: AHIJobPoller.Report?
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

    public func run(now: () -> Double) throws -> Report {
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
        let ahi = try pollAHI(now: now)
        let ingest = try FolderIngestor(database: database).ingest(paths: config.localPaths, now: now)
        // Gates move with the data: after anything new, each cohort's changes are recorded and audited.
        let changedData = ingest.stats.newRows > 0 || !defined.isEmpty || inventory.contains { !$0.1.unchanged }
            || (ahi?.jobsListed ?? 0) > 0
        if changedData {
            try database.refreshCohortDigests()
            for cohort in try database.cohortPrefixes().keys.sorted() {
                let now = try CohortGates(database: database, config: config, cohort: cohort)
                try database.recordGateSnapshot(
                    cohort: cohort, state: now.state, gates: now.gates, actor: Actor(name: "cutover", host: nil))
            }
        }
        return Report(ingest: ingest, inventory: inventory, cohortsDefined: defined, ahi: ahi)
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
            environment: environment)
        return try AHIJobPoller(client: client, database: database).poll(
            datastores: config.datastores.map(\.id), now: now)
    }
}

import CutoverCore
import CutoverFormats
import CutoverStore

/// One poll of everything `cutover.toml` names: its cohorts, its inventory files (re-imported when they
/// change) and its local source folders.
public struct ConfiguredPoll {
    public struct Report: Sendable {
        public var ingest: IngestReport
        public var inventory: [(path: String, report: InventoryImporter.Report)]
        public var cohortsDefined: [String]
    }

    let config: CutoverConfig
    let database: CutoverDatabase

    public init(config: CutoverConfig, database: CutoverDatabase) {
        self.config = config
        self.database = database
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
        let ingest = try FolderIngestor(database: database).ingest(paths: config.localPaths, now: now)
        // Gates move with the data: after anything new, each cohort's changes are recorded and audited.
        let changedData = ingest.stats.newRows > 0 || !defined.isEmpty || inventory.contains { !$0.1.unchanged }
        if changedData {
            try database.refreshCohortDigests()
            for cohort in try database.cohortPrefixes().keys.sorted() {
                let now = try CohortGates(database: database, config: config, cohort: cohort)
                try database.recordGateSnapshot(
                    cohort: cohort, state: now.state, gates: now.gates, actor: Actor(name: "cutover", host: nil))
            }
        }
        return Report(ingest: ingest, inventory: inventory, cohortsDefined: defined)
    }
}

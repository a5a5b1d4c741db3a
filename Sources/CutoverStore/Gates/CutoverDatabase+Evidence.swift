import CutoverCore
import GRDB

/// What the gates need from the configuration (the store does not read cutover.toml).
public struct GateSettings: Sendable {
    public var consumers: [Consumer]
    public var profile: RegionProfile
    public var losslessStorageFormat: String
    /// Regions of the configured data stores.
    public var datastoreRegions: Set<String>

    public init(consumers: [Consumer], profile: RegionProfile, losslessStorageFormat: String, datastoreRegions: Set<String>) {
        self.consumers = consumers
        self.profile = profile
        self.losslessStorageFormat = losslessStorageFormat
        self.datastoreRegions = datastoreRegions
    }
}

extension CutoverDatabase {
    /// Gathers everything the four gates look at for one cohort (see `CohortEvidence`). A caller that already
    /// holds the cohort's summary passes it, sparing the one query that reads the whole cohort.
    ///
    /// The million-row parts come from the cohort digest; `tallies` (from `findingTallies()`) spares a caller
    /// that evaluates many cohorts two queries per cohort.
    public func evidence(
        cohort name: String, settings: GateSettings, summary known: CohortSummary? = nil,
        tallies knownTallies: FindingTallies? = nil
    ) throws -> CohortEvidence {
        guard let digest = try cohortDigests()[name] else { throw DecisionError.noSuchCohort(name) }
        let summary = known ?? digest.summary
        let tallies = try knownTallies ?? findingTallies()
        let open = tallies.byKind[name] ?? [:]
        return try read { db in
            let cohortID = try Int64.fetchOne(db, sql: "SELECT id FROM cohorts WHERE name = ?", arguments: [name])!
            // Stored syntax is predicted from the source syntax until image set metadata says otherwise.
            var predicted: [String: Int] = [:]
            var actual: [String: Int] = [:]
            for count in digest.syntaxes {
                if count.known == true {
                    // Metadata without a stored syntax means the data store's own format (reference §5.3).
                    let uid = count.stored ?? StoredSyntax.predict(
                        source: nil, sopClassUID: count.sopClass, losslessStorageFormat: settings.losslessStorageFormat)
                    actual[uid, default: 0] += count.instances
                } else {
                    let uid = StoredSyntax.predict(
                        source: count.transferSyntax, sopClassUID: count.sopClass,
                        losslessStorageFormat: settings.losslessStorageFormat)
                    predicted[uid, default: 0] += count.instances
                }
            }
            var frame = 0
            var blob = 0
            for (code, n) in tallies.warningCodes[name] ?? [:] {
                if [45328, 45329, 45330].contains(code) { frame += n }
                if [45312, 45344].contains(code) { blob += n }
            }
            let attested = Set(
                try String.fetchAll(db, sql: "SELECT item FROM attestations WHERE cohort = ?", arguments: [cohortID]))
            let eventRegions = digest.eventRegions
            let jobsTotal = summary.jobs.values.reduce(0, +)
            let jobsActive = (summary.jobs["SUBMITTED"] ?? 0) + (summary.jobs["IN_PROGRESS"] ?? 0)
            func counts(_ c: LevelCounts) -> HierarchyCounts {
                HierarchyCounts(studies: Int(c.studies), series: Int(c.series), instances: Int(c.instances))
            }
            return CohortEvidence(
                inventoryLoaded: summary.expected.instances > 0, jobsTotal: Int(jobsTotal), jobsActive: Int(jobsActive),
                expected: counts(summary.expected), importedInPrimary: counts(summary.importedInPrimary),
                openFindings: Dictionary(
                    uniqueKeysWithValues: open.compactMap { k, v in FindingKind(rawValue: k).map { ($0, Int(v)) } }),
                storedSyntaxes: actual.sorted { $0.key < $1.key }.map {
                    StoredSyntaxCount(uid: $0.key, instances: $0.value, predicted: false)
                } + predicted.sorted { $0.key < $1.key }.map {
                    StoredSyntaxCount(uid: $0.key, instances: $0.value, predicted: true)
                },
                consumers: settings.consumers, openFrameWarnings: frame, openBlobWarnings: blob,
                profile: settings.profile, attested: attested,
                regionsSeen: settings.datastoreRegions.union(eventRegions),
                metadataChecked: digest.metadataChecked ?? 0, metadataAbsent: digest.metadataAbsent ?? 0)
        }
    }
}

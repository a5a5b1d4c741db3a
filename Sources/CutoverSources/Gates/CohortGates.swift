import CutoverCore
import CutoverFormats
import CutoverStore

/// A cohort's gates and lifecycle as of now: evidence from the store, settings from the configuration.
public struct CohortGates: Sendable {
    public let record: CohortRecord
    public let gates: [GateResult]
    public let state: CohortState
    public let twoPersonApproval: Bool

    public init(
        database: CutoverDatabase, config: CutoverConfig?, cohort: String, summary: CohortSummary? = nil,
        tallies: FindingTallies? = nil
    ) throws {
        record = try database.cohortRecord(named: cohort)
        let settings = try Self.settings(record: record, config: config)
        let evidence = try database.evidence(
            cohort: cohort, settings: settings, summary: summary, tallies: tallies)
        gates = Gates.evaluate(evidence)
        state = Lifecycle.derive(
            stored: CohortState(rawValue: record.state), jobsTotal: evidence.jobsTotal, jobsActive: evidence.jobsActive,
            gates: gates)
        twoPersonApproval = config?.twoPersonApproval ?? true
    }

    /// Consumers, the cohort's region profile (built in or from the config), storage format and regions.
    static func settings(record: CohortRecord, config: CutoverConfig?) throws -> GateSettings {
        let cohort = record.name
        let consumers = (config?.consumers ?? []).map { Consumer(name: $0.name, kind: $0.kind, decodes: Set($0.decodes)) }
        let profileID = config?.cohorts.first { $0.name == cohort }?.regionProfile ?? record.regionProfile ?? "generic"
        let retention = config?.retentionDays ?? 90
        let profile: RegionProfile
        if let custom = config?.regionProfiles.first(where: { $0.id == profileID }) {
            profile = RegionProfile(
                id: custom.id, name: custom.name, allowedRegions: custom.allowedRegions.map(Set.init),
                items: custom.items.map { ObligationItem(id: $0.id, text: $0.text) }
                    + consumers.map { ObligationItem(id: "sample-\($0.name)", text: "decoding tried on a sample by \($0.name)") },
                retentionDays: custom.retentionDays ?? retention)
        } else if let builtIn = RegionProfile.builtIn(profileID, consumers: consumers, retentionDays: retention) {
            profile = builtIn
        } else {
            throw DecisionError.refused(
                "cohort \(cohort) names region profile \(profileID), which is neither built in (au, generic) nor defined in the config")
        }
        return GateSettings(
            consumers: consumers, profile: profile,
            losslessStorageFormat: config?.datastores.first?.losslessStorageFormat ?? "HTJ2K",
            datastoreRegions: Set(config?.datastores.compactMap(\.region) ?? []))
    }
}

import CutoverCore
import CutoverFormats
import CutoverSources
import CutoverStore
import Foundation

/// Page data from the SQLite store: bounded queries on small or indexed tables, run when a page opens or the
/// data changes, never per frame.
public final class StorePageLoader: PageLoader {
    let database: CutoverDatabase
    let config: CutoverConfig?
    private let watcher: DataVersionWatcher?
    /// Who polls, as the header shows it: this process's poller reports here.
    private let pollerStatus: () -> PollerStatus

    /// `watchChanges` opens a second connection that notices other processes' commits; a one-frame snapshot
    /// does without it.
    public init(
        database: CutoverDatabase, config: CutoverConfig?, watchChanges: Bool = true,
        pollerStatus: @escaping () -> PollerStatus = { PollerStatus() }
    ) {
        self.database = database
        self.config = config
        self.pollerStatus = pollerStatus
        watcher = watchChanges ? try? DataVersionWatcher(path: database.path) : nil
    }

    public func dataChanged() -> Bool { (try? watcher?.hasChanged()) ?? false }

    public func header(_ base: HeaderInfo) throws -> HeaderInfo {
        var header = base
        let (lastPoll, quarantined) = try database.pollHealth()
        header.lastPoll = lastPoll
        header.quarantined = quarantined
        let local = pollerStatus()
        header.pollError = local.error
        header.pollRetries = local.retries
        header.poller = local.holder ?? (try? database.leaseHolder("poller", now: Date().timeIntervalSince1970))
        return header
    }

    public func load(_ query: PageQuery) throws -> PageContent {
        let request = query.request
        switch (query.page, query.drill) {
        case (.summary, _): return .summary(try summary())
        case (.cohorts, _): return .cohorts(try cohortRows(request))
        case (.jobs, _): return .jobs(try database.jobsPage(request))
        case (.nonPrimary, .imageSet(let id)?): return .imageSet(try database.imageSetInstances(imageSetId: id, limit: 500))
        case (.nonPrimary, _): return .nonPrimary(try database.nonPrimaryPage(request))
        case (.warnings, .warningCode(let code)?):
            return .warningInstances(code: code, try database.warningInstances(code: code, cohort: nil, request))
        case (.warnings, _): return .warnings(try warningGroups(request))
        case (.gates, _): return .gates(try gatesView(query.cohort))
        case (.events, _): return .events(try database.eventsPage(request))
        case (.audit, _): return try audit(request)
        }
    }

    /// Every cohort with its live gates; filtered and sorted here, as there are tens, not thousands.
    func cohortRows(_ request: PageRequest, tallies known: FindingTallies? = nil) throws -> [CohortRow] {
        let tallies = try known ?? database.findingTallies()
        var rows = try database.cohortSummaries().map { summary in
            try row(
                summary,
                gates: CohortGates(
                    database: database, config: config, cohort: summary.name, summary: summary, tallies: tallies),
                findings: tallies.byKind[summary.name] ?? [:])
        }
        let filter = request.filter.lowercased()
        if !filter.isEmpty {
            rows = rows.filter { $0.name.lowercased().contains(filter) || $0.state.rawValue.contains(filter) }
        }
        switch request.sort {
        case "progress": rows.sort { ($0.progress ?? -1, $0.name) < ($1.progress ?? -1, $1.name) }
        case "fail": rows.sort { ($1.failures, $0.name) < ($0.failures, $1.name) }
        case "state": rows.sort { ($0.state.rawValue, $0.name) < ($1.state.rawValue, $1.name) }
        default: rows.sort { $0.name < $1.name }
        }
        return rows
    }

    private func summary() throws -> WallboardSummary {
        let jobs = try database.jobStatusCounts()
        let tallies = try database.findingTallies()
        let open = tallies.byKind.values.reduce(into: [String: Int64]()) { total, kinds in
            for (kind, n) in kinds { total[kind, default: 0] += n }
        }
        return WallboardSummary(
            cohorts: try cohortRows(PageRequest(), tallies: tallies), openFindings: open,
            jobsRunning: (jobs["SUBMITTED"] ?? 0) + (jobs["IN_PROGRESS"] ?? 0), jobsFailed: jobs["FAILED"] ?? 0)
    }

    private func row(_ summary: CohortSummary, gates: CohortGates, findings: [String: Int64]) -> CohortRow {
        let failures = ["missing", "customer-error", "server-error"].reduce(Int64(0)) { $0 + (findings[$1] ?? 0) }
        return CohortRow(
            name: summary.name, state: gates.state, held: gates.record.held, holdReason: gates.record.holdReason,
            revision: gates.record.revision, expectedInstances: summary.expected.instances,
            importedInstances: summary.imported.instances, failures: failures, warnings: findings["warning"] ?? 0,
            nonPrimary: findings["non-primary"] ?? 0, openFindings: findings.values.reduce(0, +), gates: gates.gates,
            pendingApprovalBy: gates.record.pendingApprovalBy, pendingOverride: gates.record.pendingOverride,
            twoPersonApproval: gates.twoPersonApproval)
    }

    private func gatesView(_ cohort: String?) throws -> GatesView? {
        guard let name = try cohort ?? database.cohortSummaries().map(\.name).sorted().first else { return nil }
        guard let summary = try database.cohortSummary(named: name) else { return nil }
        let tallies = try database.findingTallies()
        let gates = try CohortGates(
            database: database, config: config, cohort: name, summary: summary, tallies: tallies)
        let row = row(summary, gates: gates, findings: tallies.byKind[name] ?? [:])
        let attested = try database.attestations(cohort: name).mapValues(\.actor)
        return GatesView(cohort: row, attested: attested)
    }

    private func warningGroups(_ request: PageRequest) throws -> [WarningGroupRow] {
        var groups = try database.warningGroups(cohort: nil)
        let filter = request.filter.lowercased()
        if !filter.isEmpty {
            groups = groups.filter { group in
                let warning = WarningCode.lookup(group.code)?.warning
                return String(group.code).contains(filter) || WarningCode.label(group.code).lowercased().contains(filter)
                    || (warning?.effect.lowercased().contains(filter) ?? false)
            }
        }
        switch request.sort {
        case "code": groups.sort { $0.code < $1.code }
        case "studies": groups.sort { ($1.studies, $0.code) < ($0.studies, $1.code) }
        default: groups.sort { ($1.instances, $0.code) < ($0.instances, $1.code) }
        }
        return groups
    }

    private func audit(_ request: PageRequest) throws -> PageContent {
        var slice = try database.auditPage(limit: request.limit)
        let filter = request.filter.lowercased()
        if !filter.isEmpty {
            slice.rows = slice.rows.filter { entry in
                [entry.actor, entry.action, entry.cohort ?? "", entry.detail].contains { $0.lowercased().contains(filter) }
            }
            slice.total = slice.rows.count
        }
        return .audit(slice, chain: try database.verifyAudit())
    }
}

import CutoverCore
import CutoverStore

/// One cohort's gates with the attestations recorded so far (page 5).
public struct GatesView: Equatable, Sendable {
    public var cohort: CohortRow
    /// Attestation items recorded for the cohort: item → who attested.
    public var attested: [String: String]

    public init(cohort: CohortRow, attested: [String: String] = [:]) {
        self.cohort = cohort
        self.attested = attested
    }
}

/// The wallboard's overview: the whole migration in a few large figures.
public struct WallboardSummary: Equatable, Sendable {
    public var cohorts: [CohortRow]
    /// Open findings of every cohort by kind.
    public var openFindings: [String: Int64]
    public var jobsRunning: Int64
    public var jobsFailed: Int64

    public init(cohorts: [CohortRow], openFindings: [String: Int64], jobsRunning: Int64, jobsFailed: Int64) {
        self.cohorts = cohorts
        self.openFindings = openFindings
        self.jobsRunning = jobsRunning
        self.jobsFailed = jobsFailed
    }

    public var expectedInstances: Int64 { cohorts.reduce(0) { $0 + $1.expectedInstances } }
    public var importedInstances: Int64 { cohorts.reduce(0) { $0 + min($1.importedInstances, $1.expectedInstances) } }
}

/// What the runtime loaded for a page: the reducer stores it, the renderer draws it.
public enum PageContent: Equatable, Sendable {
    case summary(WallboardSummary)
    case cohorts([CohortRow])
    case jobs(PageSlice<JobRow>)
    case nonPrimary(PageSlice<NonPrimaryRow>)
    case imageSet(ImageSetDetail)
    case warnings([WarningGroupRow])
    case warningInstances(code: Int, PageSlice<WarningInstanceRow>)
    case gates(GatesView?)
    case events(PageSlice<EventRow>)
    case audit(PageSlice<AuditEntry>, chain: AuditVerdict?)

    /// Rows a cursor moves over.
    public var rowCount: Int {
        switch self {
        case .summary: 0
        case .cohorts(let rows): rows.count
        case .jobs(let slice): slice.rows.count
        case .nonPrimary(let slice): slice.rows.count
        case .imageSet(let detail): detail.instances.count
        case .warnings(let rows): rows.count
        case .warningInstances(_, let slice): slice.rows.count
        case .gates(let view): view?.cohort.gates.count ?? 0
        case .events(let slice): slice.rows.count
        case .audit(let slice, _): slice.rows.count
        }
    }
}

/// Where the page is looking: the list itself, or one of its rows opened with Enter.
public enum Drill: Equatable, Sendable {
    case imageSet(String)
    case warningCode(Int)
}

/// What the runtime must load: the page, its filter and sort, and the drill-down if any.
public struct PageQuery: Equatable, Sendable {
    public var page: Page
    public var drill: Drill?
    public var cohort: String?
    public var request: PageRequest

    public init(page: Page, drill: Drill? = nil, cohort: String? = nil, request: PageRequest = PageRequest()) {
        self.page = page
        self.drill = drill
        self.cohort = cohort
        self.request = request
    }
}

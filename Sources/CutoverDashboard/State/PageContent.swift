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

/// What the runtime loaded for a page: the reducer stores it, the renderer draws it.
public enum PageContent: Equatable, Sendable {
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

/// The seven pages of product §7, in tab order (the raw value is the number key that opens each), and the
/// wallboard's summary.
public enum Page: Int, CaseIterable, Sendable, Hashable {
    /// The wallboard's large-type overview; not a tab of the interactive dashboard.
    case summary = 0
    case cohorts = 1
    case jobs
    case nonPrimary
    case warnings
    case gates
    case events
    case audit

    /// The pages a number key or Tab reaches.
    public static let tabs: [Page] = allCases.filter { $0 != .summary }

    public var title: String {
        switch self {
        case .summary: "Summary"
        case .cohorts: "Cohorts"
        case .jobs: "Jobs"
        case .nonPrimary: "Non-primary"
        case .warnings: "Warnings"
        case .gates: "Gates"
        case .events: "Events"
        case .audit: "Audit"
        }
    }

    /// The name `cutover snapshot --page` accepts, besides the number.
    public var slug: String {
        switch self {
        case .nonPrimary: "non-primary"
        default: title.lowercased()
        }
    }

    public init?(argument: String) {
        if let number = Int(argument), let page = Page(rawValue: number) {
            self = page
        } else if let page = Page.allCases.first(where: { $0.slug == argument.lowercased() }) {
            self = page
        } else {
            return nil
        }
    }

    /// Keys whose natural order is largest or newest first: that is what triage wants to see at the top.
    public static let descendingSortKeys: Set<String> = ["submitted", "errors", "duration", "instances", "count", "studies", "fail"]

    /// Sort keys the page offers, the default first (`s` cycles through them).
    public var sortKeys: [String] {
        switch self {
        case .summary: []
        case .cohorts: ["cohort", "progress", "fail", "state"]
        case .jobs: ["submitted", "status", "cohort", "errors", "duration"]
        case .nonPrimary: ["instances", "study", "cohort"]
        case .warnings: ["count", "code", "studies"]
        case .gates: []
        case .events: ["newest"]
        case .audit: ["newest"]
        }
    }
}

import CutoverCore
import CutoverStore
import CutoverTerminal

/// A short message under the page: what an action did, or why it did nothing.
public struct Flash: Equatable, Sendable {
    public var text: String
    public var role: StyleRole
    public var until: Double

    public init(text: String, role: StyleRole, until: Double) {
        self.text = text
        self.role = role
        self.until = until
    }
}

/// The wallboard's turn through its pages: which, how long each stays, and when the current one came up.
public struct Rotation: Equatable, Sendable {
    public static let wallboardPages: [Page] = [.summary, .cohorts, .warnings, .jobs, .events]

    public var pages: [Page]
    public var seconds: Double
    public var shownSince: Double

    public init(pages: [Page] = Rotation.wallboardPages, seconds: Double, shownSince: Double) {
        self.pages = pages
        self.seconds = seconds
        self.shownSince = shownSince
    }
}

/// One page's view: its data, cursor, filter, sort, and an opened row.
public struct PageView: Equatable, Sendable {
    public var content: PageContent?
    public var cursor = 0
    public var scroll = 0
    public var filter = ""
    public var sortIndex = 0
    public var drill: Drill?
    public var drillContent: PageContent?
    public var drillCursor = 0
    public var drillScroll = 0
    public var loadError: String?

    public init() {}

    /// What the cursor moves over: the opened row's content when drilled in.
    public var visibleContent: PageContent? { drill == nil ? content : drillContent }
}

/// A line being typed at the bottom of the screen.
public struct TextInput: Equatable, Sendable {
    public var prompt: String
    public var text: String

    public init(prompt: String, text: String) {
        self.prompt = prompt
        self.text = text
    }
}

/// Everything the screen shows; `render` is a function of this alone.
public struct AppState: Equatable, Sendable {
    public var mode: DashboardMode
    public var size: TerminalSize
    public var glyphs: Glyphs
    public var header: HeaderInfo
    public var now: Double
    public var page: Page = .cohorts
    public var views: [Page: PageView] = Dictionary(uniqueKeysWithValues: Page.allCases.map { ($0, PageView()) })
    /// The cohort the Gates page shows.
    public var gatesCohort: String?
    public var filterInput: TextInput?
    public var dialog: Dialog?
    public var showHelp = false
    public var flash: Flash?
    /// Patient identifiers shown unmasked (after an audited reveal); never in the wallboard.
    public var revealPHI = false
    /// Set when a theme file could not be read, shown once in the flash line.
    public var warning: String?
    /// Set on the wallboard: pages turn by themselves.
    public var rotation: Rotation?

    public init(mode: DashboardMode, size: TerminalSize, glyphs: Glyphs, header: HeaderInfo, now: Double) {
        self.mode = mode
        self.size = size
        self.glyphs = glyphs
        self.header = header
        self.now = now
    }

    /// The pages Tab moves through: the rotation's on the wallboard, the seven tabs otherwise.
    public var cycle: [Page] { rotation?.pages ?? Page.tabs }

    public func neighbour(of page: Page, by step: Int) -> Page {
        let pages = cycle
        guard let index = pages.firstIndex(of: page) else { return pages[0] }
        return pages[(index + step + pages.count) % pages.count]
    }

    public var view: PageView {
        get { views[page] ?? PageView() }
        set { views[page] = newValue }
    }

    /// The query that loads what the current page shows.
    public var query: PageQuery { query(for: page) }

    public func query(for page: Page) -> PageQuery {
        let view = views[page] ?? PageView()
        // An opened row lists its own instances: the list's filter and sort are not theirs.
        guard view.drill == nil else { return PageQuery(page: page, drill: view.drill, request: PageRequest()) }
        let keys = page.sortKeys
        let sort: String? = keys.isEmpty ? nil : keys[view.sortIndex % keys.count]
        return PageQuery(
            page: page, drill: view.drill, cohort: page == .gates ? gatesCohort : nil,
            request: PageRequest(
                filter: view.filter, sort: sort, descending: sort.map(Page.descendingSortKeys.contains) ?? false))
    }

    /// The cohort an action on this page is about: the selected row on Cohorts, the shown one on Gates.
    public var selectedCohort: CohortRow? {
        switch page {
        case .cohorts:
            guard case .cohorts(let rows)? = view.content, rows.indices.contains(view.cursor) else { return nil }
            return rows[view.cursor]
        case .gates:
            guard case .gates(let gates)? = view.content else { return nil }
            return gates?.cohort
        default:
            return nil
        }
    }
}

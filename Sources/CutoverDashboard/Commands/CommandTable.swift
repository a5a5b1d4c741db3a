import CutoverTerminal

/// The commands of the dashboard, in the order help lists them.
public enum CommandTable {
    public static let all: [Command] = navigation + view + actions + general

    /// The commands a mode registers. The wallboard is a kiosk: it registers no mutating command, nothing that
    /// opens a row (patient data lives there) and no quit key; only page turns. Ctrl-C or a signal stops it.
    public static func commands(for mode: DashboardMode) -> [Command] {
        mode == .wallboard ? all.filter { wallboard.contains($0.id) } : all
    }

    static let wallboard: Set<CommandID> = [.goToPage, .nextPage, .previousPage, .refresh]

    public static func command(for key: Key, mode: DashboardMode) -> Command? {
        commands(for: mode).first { $0.keys.contains(key) }
    }

    private static let cohortPages: Set<Page> = [.cohorts, .gates]

    private static let navigation: [Command] = [
        .init(
            id: .up, keys: [.up, .character("k")], label: "k/Up", title: "Move up", group: .navigation, mutates: false,
            confirmation: .none, pages: nil, footer: false),
        .init(
            id: .down, keys: [.down, .character("j")], label: "j/Down", title: "Move down", group: .navigation,
            mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .pageUp, keys: [.pageUp, .control("b")], label: "PgUp", title: "Page up", group: .navigation,
            mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .pageDown, keys: [.pageDown, .control("f"), .character(" ")], label: "PgDn", title: "Page down",
            group: .navigation, mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .top, keys: [.character("g"), .home], label: "g", title: "First row", group: .navigation,
            mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .bottom, keys: [.character("G"), .end], label: "G", title: "Last row", group: .navigation,
            mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .open, keys: [.enter], label: "Enter", title: "Open", group: .navigation, mutates: false,
            confirmation: .none, pages: [.cohorts, .nonPrimary, .warnings], footer: true),
        .init(
            id: .back, keys: [.escape], label: "Esc", title: "Back", group: .navigation, mutates: false,
            confirmation: .none, pages: nil, footer: false),
        .init(
            id: .goToPage, keys: Page.tabs.map { .character(Character(String($0.rawValue))) }, label: "1-7",
            title: "Go to page", group: .navigation, mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .nextPage, keys: [.tab], label: "Tab", title: "Next page", group: .navigation, mutates: false,
            confirmation: .none, pages: nil, footer: false),
        .init(
            id: .previousPage, keys: [.backTab], label: "S-Tab", title: "Previous page", group: .navigation,
            mutates: false, confirmation: .none, pages: nil, footer: false),
        .init(
            id: .previousCohort, keys: [.left, .character("[")], label: "[", title: "Previous cohort",
            group: .navigation, mutates: false, confirmation: .none, pages: [.gates], footer: false),
        .init(
            id: .nextCohort, keys: [.right, .character("]")], label: "]", title: "Next cohort", group: .navigation,
            mutates: false, confirmation: .none, pages: [.gates], footer: false),
    ]

    private static let view: [Command] = [
        .init(
            id: .filter, keys: [.character("/")], label: "/", title: "Filter", group: .view, mutates: false,
            confirmation: .none, pages: [.cohorts, .jobs, .nonPrimary, .warnings, .events, .audit], footer: true),
        .init(
            id: .sort, keys: [.character("s")], label: "s", title: "Sort", group: .view, mutates: false,
            confirmation: .none, pages: [.cohorts, .jobs, .nonPrimary, .warnings], footer: true),
        .init(
            id: .refresh, keys: [.control("r")], label: "^R", title: "Reload now", group: .view, mutates: false,
            confirmation: .none, pages: nil, footer: false),
    ]

    private static let actions: [Command] = [
        .init(
            id: .hold, keys: [.character("h")], label: "h", title: "Hold cohort", group: .actions, mutates: true,
            confirmation: .reason, pages: cohortPages, footer: true),
        .init(
            id: .release, keys: [.character("u")], label: "u", title: "Release hold", group: .actions, mutates: true,
            confirmation: .reason, pages: cohortPages, footer: true),
        .init(
            id: .retry, keys: [.character("r")], label: "r", title: "Retry failed keys", group: .actions,
            mutates: true, confirmation: .yesNo, pages: cohortPages, footer: true),
        .init(
            id: .approve, keys: [.character("A")], label: "A", title: "Approve cutover", group: .actions,
            mutates: true, confirmation: .typeName, pages: cohortPages, footer: true),
        .init(
            id: .triage, keys: [.character("x")], label: "x", title: "Acknowledge or waive", group: .actions,
            mutates: true, confirmation: .reason, pages: [.nonPrimary, .warnings], footer: true),
        .init(
            id: .acknowledgeGroup, keys: [.character("a")], label: "a", title: "Acknowledge warning code",
            group: .actions, mutates: true, confirmation: .reason, pages: [.warnings], footer: true),
        .init(
            id: .export, keys: [.character("e")], label: "e", title: "Export evidence report", group: .actions,
            mutates: true, confirmation: .none, pages: cohortPages, footer: true),
        .init(
            id: .revealPHI, keys: [.character("p")], label: "p", title: "Reveal patient data (audited)",
            group: .actions, mutates: true, confirmation: .yesNo, pages: [.nonPrimary], footer: true),
    ]

    private static let general: [Command] = [
        .init(
            id: .help, keys: [.character("?")], label: "?", title: "Help", group: .general, mutates: false,
            confirmation: .none, pages: nil, footer: true),
        .init(
            id: .quit, keys: [.character("q")], label: "q", title: "Quit", group: .general, mutates: false,
            confirmation: .none, pages: nil, footer: true),
    ]
}

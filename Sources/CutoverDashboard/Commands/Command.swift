import CutoverTerminal

/// Everything a key can do, named for what it does.
public enum CommandID: String, CaseIterable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, nextPage, previousPage, goToPage
    case previousCohort, nextCohort
    case filter, sort, refresh, help, quit
    case hold, release, retry, approve, triage, acknowledgeGroup, export, revealPHI
}

/// How much a command asks before it acts: sized to the damage it can do.
public enum Confirmation: Equatable, Sendable {
    case none
    /// `y` to go ahead; anything else cancels (bulk and audited reads).
    case yesNo
    /// A reason or note typed in a dialog.
    case reason
    /// Irreversible: a reason, then the cohort's name typed out.
    case typeName
}

public enum HelpGroup: String, CaseIterable, Sendable {
    case navigation = "Navigate"
    case view = "View"
    case actions = "Act"
    case general = "General"
}

/// One row of the command table: the single source for keys, the `?` overlay, the footer hints and the
/// read-only rule (k9s `KeyAction`, lazygit bindings with a disabled reason).
public struct Command: Equatable, Sendable {
    public var id: CommandID
    public var keys: [Key]
    /// How the keys are written in help and footer (`j/↓`, `1-7`).
    public var label: String
    public var title: String
    public var group: HelpGroup
    /// Writes to the database or the disk; refused in read-only mode and absent from the wallboard.
    public var mutates: Bool
    public var confirmation: Confirmation
    /// The pages it works on; nil means everywhere.
    public var pages: Set<Page>?
    /// Shown in the footer line when room allows, in table order.
    public var footer: Bool

    public func applies(to page: Page) -> Bool { pages?.contains(page) ?? true }
}

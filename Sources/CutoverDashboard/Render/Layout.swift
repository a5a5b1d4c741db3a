import CutoverTerminal

/// Where things go on screen: header, tabs, the page body, the flash line and the footer.
public enum Layout {
    /// Below this the dashboard shows a "make the terminal larger" notice instead of a clipped page.
    public static let minimum = TerminalSize(columns: 40, rows: 10)

    static let headerRow = 0
    static let tabsRow = 1
    /// The page's own info line; the table's column header follows it.
    static let pageInfoRow = 2
    static let tableHeaderRow = 3
    static let firstListRow = 4

    static func flashRow(_ size: TerminalSize) -> Int { size.rows - 2 }
    static func footerRow(_ size: TerminalSize) -> Int { size.rows - 1 }

    /// Rows a list can show: everything between the column header and the flash line.
    public static func listRows(_ size: TerminalSize) -> Int { max(1, size.rows - firstListRow - 2) }
}

/// Rows and columns of the screen.
public struct TerminalSize: Equatable, Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// Where frames go and keys come from. The dashboard runtime only talks to this protocol, so it runs the same
/// against a real terminal (`NcursesBackend`) and in memory (`MemoryBackend`, for tests).
public protocol TerminalBackend: AnyObject {
    /// The current size; changes after a `.resize` key.
    var size: TerminalSize { get }
    /// Shows `buffer`, writing only the cells that differ from the previous frame.
    func draw(_ buffer: CellBuffer)
    /// The next key, or nil when none arrived within `timeoutMilliseconds`.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Gives the terminal back as it was found. Safe to call more than once.
    func restore()
}

/// Why the dashboard could not take over the terminal; each case reads as one sentence for the user.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file (cron, `| less`, CI).
    case notATerminal
    /// curses has no terminfo entry for `TERM` (or `TERM` is unset).
    case unknownTerminal(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs a terminal, but standard input or output is not one; run it in a terminal, or use "
                + "`cutover status` or `cutover snapshot` for plain text"
        case .unknownTerminal(let term?):
            "this system has no terminal description for TERM=\"\(term)\"; set TERM to one it knows, such as "
                + "xterm-256color"
        case .unknownTerminal(nil):
            "TERM is not set, so the terminal's capabilities are unknown; set TERM, for example to xterm-256color"
        }
    }
}

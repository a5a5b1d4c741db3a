import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, through ncursesw.
///
/// Call every method from one thread: curses is not thread-safe. Resizes come from curses' own SIGWINCH
/// handling as a `.resize` key; no other SIGWINCH handler may be installed. Ctrl-C still raises SIGINT (cbreak,
/// not raw), so `TerminalGuard` can end the program cleanly.
///
/// ```swift
/// TerminalGuard.install()
/// let terminal = try NcursesBackend(theme: theme, environment: ProcessInfo.processInfo.environment)
/// defer { terminal.restore() }
/// ```
public final class NcursesBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    /// The colours in use: `.mono` for `forceMono`, a non-empty `NO_COLOR`, or a terminal without colour.
    public let depth: ColorDepth
    /// Whether the locale's codeset is UTF-8; when false the caller should draw ASCII glyphs.
    public let utf8: Bool

    let window: UnsafeMutablePointer<WINDOW>
    /// Attributes and pair for each role, indexed by `StyleRole.rawValue`.
    let styles: [(attributes: attr_t, pair: Int16)]
    /// The frame on screen, which the next one is compared against; nil forces a full redraw.
    var previous: CellBuffer?
    private let screen: OpaquePointer
    private var stderrRedirect = StderrRedirect()
    private var restored = false
    private let hasKeyboard: Bool

    /// Takes over the terminal.
    ///
    /// - Parameters:
    ///   - environment: read for `NO_COLOR`, `ESCDELAY` and `TERM` (for the error message); curses itself still
    ///     reads the process environment for `TERM`.
    ///   - forceMono: attributes only, no colours (`--mono`).
    ///   - stderrLog: where stderr goes while the dashboard runs; `/dev/null` when nil.
    /// - Throws: `TerminalError` when stdin or stdout is not a terminal or curses does not know `TERM`.
    ///   - keyboard: false for a screen nobody types on (the wallboard): stdin may then be anything, even
    ///     `/dev/null`, and `readKey` only waits.
    public init(
        theme: Theme, environment: [String: String], forceMono: Bool = false, stderrLog: String? = nil,
        keyboard: Bool = true
    ) throws {
        guard isatty(1) != 0, !keyboard || isatty(0) != 0 else { throw TerminalError.notATerminal }
        hasKeyboard = keyboard && isatty(0) != 0
        // Before curses starts: it decides then whether multibyte characters are printable.
        setlocale(LC_ALL, "")
        utf8 = String(cString: cnc_codeset()) == "UTF-8"
        guard let screen = cnc_newterm(), let window = cnc_stdscr() else {
            throw TerminalError.unknownTerminal(term: environment["TERM"].flatMap { $0.isEmpty ? nil : $0 })
        }
        self.screen = screen
        self.window = window
        stderrRedirect.begin(logPath: stderrLog)

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        scrollok(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(environment["ESCDELAY"].flatMap { Int32($0) }.map { max(0, $0) } ?? 25)

        var depth = ColorDepth.mono
        var defaultColors = false
        let wantsColor = !forceMono && ColorDepth.detect(colors: 256, environment: environment) != .mono
        if wantsColor && has_colors() && start_color() == OK {
            defaultColors = use_default_colors() == OK
            depth = ColorDepth.detect(colors: Int(cnc_colors()), environment: environment)
        }
        self.depth = depth
        let plan = ColorPairPlan.plan(depth: depth, colors: Int(cnc_colors()), defaultColors: defaultColors) {
            theme.resolve($0, depth: depth)
        }
        for entry in plan.entries where entry.pair > 0 {
            init_pair(entry.pair, entry.foreground, entry.background)
        }
        styles = plan.entries.map { (Self.cursesAttributes($0.attributes), $0.pair) }
        size = TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    deinit { restore() }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !restored else { return nil }
        // Without a keyboard, input returns at once (end of file): only a pending resize is read, then we wait.
        wtimeout(window, hasKeyboard ? Int32(clamping: max(0, timeoutMilliseconds)) : 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != ERR else {
            if !hasKeyboard { usleep(useconds_t(clamping: max(0, timeoutMilliseconds) * 1000)) }
            return nil
        }
        if !hasKeyboard && !(status == KEY_CODE_YES && code == KEY_RESIZE) {
            usleep(useconds_t(clamping: max(0, timeoutMilliseconds) * 1000))
            return nil
        }
        let key = KeyDecoder.decode(code: UInt32(code), isFunctionKey: status == KEY_CODE_YES)
        if key == .resize {
            // curses has already resized its windows; the next frame must repaint all of them.
            size = TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
            previous = nil
        }
        return key
    }

    /// Leaves curses mode (alternate screen off, modes and cursor back) and returns stderr. Idempotent.
    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        delscreen(screen)
        stderrRedirect.end()
    }

    private static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var value = cnc_a_normal()
        if attributes.contains(.bold) { value |= cnc_a_bold() }
        if attributes.contains(.dim) { value |= cnc_a_dim() }
        if attributes.contains(.underline) { value |= cnc_a_underline() }
        if attributes.contains(.reverse) { value |= cnc_a_reverse() }
        return value
    }

    /// After `restore()` curses has freed its screen, so drawing and reading must not touch it.
    var isRestored: Bool { restored }
}

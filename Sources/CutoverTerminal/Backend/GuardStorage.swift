import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything the signal handlers read, in memory allocated once and never freed.
///
/// A handler may run between any two instructions, so it must not allocate, lock, retain or call curses. It
/// only follows these pointers, which are filled in by `TerminalGuard.install()` before any handler exists.
struct GuardStorage {
    /// The first stop signal (SIGINT, SIGTERM, SIGHUP) received, 0 for none.
    let pendingSignal: UnsafeMutablePointer<sig_atomic_t>
    /// The terminal's descriptor, -1 when neither stdout nor stdin is a terminal.
    let terminal: UnsafeMutablePointer<sig_atomic_t>
    /// Whether `modes` holds the terminal modes from before curses changed them.
    let hasModes: UnsafeMutablePointer<sig_atomic_t>
    let modes: UnsafeMutablePointer<termios>
    /// A copy of the real stderr while it is redirected away from the screen, -1 otherwise.
    let savedStderr: UnsafeMutablePointer<sig_atomic_t>
    /// The bytes that leave the alternate screen, show the cursor and reset attributes.
    let resetBytes: UnsafeMutablePointer<UInt8>
    let resetLength: UnsafeMutablePointer<sig_atomic_t>
    /// The actions that were in place before ours, indexed by signal number.
    let previousActions: UnsafeMutablePointer<sigaction>

    static let resetCapacity = 256
    static let signalSlots = 32

    static func allocate() -> GuardStorage {
        func flag(_ value: Int32) -> UnsafeMutablePointer<sig_atomic_t> {
            let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
            pointer.initialize(to: value)
            return pointer
        }
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
        bytes.initialize(repeating: 0, count: resetCapacity)
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        actions.initialize(repeating: sigaction(), count: signalSlots)
        return GuardStorage(
            pendingSignal: flag(0), terminal: flag(-1), hasModes: flag(0), modes: modes, savedStderr: flag(-1),
            resetBytes: bytes, resetLength: flag(0), previousActions: actions)
    }

    /// Puts the terminal back without curses: reset bytes, original modes, real stderr. Async-signal-safe:
    /// only `write`, `tcsetattr` and `dup2`.
    func restoreTerminal() {
        let fd = cnc_atomic_load(terminal)
        if fd >= 0 {
            let length = Int(cnc_atomic_load(resetLength))
            var written = 0
            while written < length {
                let n = write(fd, resetBytes + written, length - written)
                if n <= 0 { break }
                written += n
            }
            if cnc_atomic_load(hasModes) != 0 { _ = tcsetattr(fd, TCSANOW, modes) }
        }
        let stderrCopy = cnc_atomic_load(savedStderr)
        if stderrCopy >= 0 { _ = dup2(stderrCopy, 2) }
    }
}

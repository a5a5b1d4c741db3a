#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps stderr off the screen while curses owns it: anything written to fd 2 (a library warning, a Swift
/// runtime message) would land between curses' cursor moves and corrupt the frame until the next full redraw.
///
/// fd 2 goes to a log file when one is given, else to `/dev/null`, and comes back on `end()`. The crash handler
/// is told where the real stderr is, so a crash report still reaches the user.
struct StderrRedirect {
    private var savedDescriptor: Int32 = -1

    /// Sends fd 2 to `logPath` (appending, created private) or to `/dev/null`. Does nothing if that cannot be
    /// opened: a visible message is better than none.
    mutating func begin(logPath: String?) {
        guard savedDescriptor < 0 else { return }
        let target = open(logPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard target >= 0 else { return }
        fflush(nil)
        let saved = dup(2)
        guard saved >= 0 else {
            close(target)
            return
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        TerminalGuard.noteSavedStderr(saved)
        _ = dup2(target, 2)
        close(target)
        savedDescriptor = saved
    }

    /// Puts the real stderr back on fd 2.
    mutating func end() {
        guard savedDescriptor >= 0 else { return }
        fflush(nil)
        _ = dup2(savedDescriptor, 2)
        TerminalGuard.noteSavedStderr(-1)
        close(savedDescriptor)
        savedDescriptor = -1
    }
}

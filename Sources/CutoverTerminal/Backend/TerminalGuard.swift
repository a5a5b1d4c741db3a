import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gives the terminal back on every way out: Ctrl-C, `kill`, a dropped SSH link, and crashes.
///
/// Stop signals (SIGINT, SIGTERM, SIGHUP) only set a flag: the run loop sees `pendingSignal` after its next
/// `readKey` (at most ~100 ms later), calls `restore()` through the normal path and exits with
/// `exitStatus(for:)`. A second stop signal while one is pending means the loop is stuck, so the handler
/// restores the terminal itself and exits.
///
/// Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP; Swift traps are SIGILL/SIGTRAP on Linux)
/// cannot wait for the loop. Their handler writes precomputed bytes (leave the alternate screen, show the
/// cursor, reset attributes) and the saved terminal modes without calling curses, then reinstates the handler
/// that was there before (Swift's backtracer, or the default) and raises the signal again, so the crash still
/// produces its usual report and exit status.
///
/// Call `install()` before creating `NcursesBackend`: it saves the terminal modes as the shell left them, which
/// is what a crash must put back.
public enum TerminalGuard {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    nonisolated(unsafe) static let storage = GuardStorage.allocate()
    nonisolated(unsafe) private static var installedSignals: [Int32] = []

    /// Installs the handlers and records how to restore the terminal. Calling it again does nothing.
    public static func install() {
        guard installedSignals.isEmpty else { return }
        recordTerminal()
        for signal in stopSignals {
            var previous = sigaction()
            _ = sigaction(signal, nil, &previous)
            // A signal the parent ignores (nohup) stays ignored.
            if cnc_sigaction_ignores(&previous) != 0 { continue }
            if cnc_sigaction_install(signal, handleStopSignal, storage.previousActions + Int(signal)) == 0 {
                installedSignals.append(signal)
            }
        }
        let stackSize = 64 * 1024
        _ = cnc_ensure_alternate_stack(UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16), stackSize)
        for signal in crashSignals
        where cnc_sigaction_install_crash(signal, handleCrashSignal, storage.previousActions + Int(signal)) == 0 {
            installedSignals.append(signal)
        }
    }

    /// Puts back the handlers that were in place before `install()`.
    public static func uninstall() {
        for signal in installedSignals { _ = cnc_sigaction_restore(signal, storage.previousActions + Int(signal)) }
        installedSignals = []
    }

    /// The stop signal received since `install()`, if any; the run loop checks it after every `readKey`.
    public static var pendingSignal: Int32? {
        let signal = cnc_atomic_load(storage.pendingSignal)
        return signal == 0 ? nil : signal
    }

    /// The shell convention for "ended by signal `signal`": 128 + its number (130 for Ctrl-C).
    public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// Tells the crash handler where the real stderr is while the backend keeps it off the screen (-1: nowhere).
    static func noteSavedStderr(_ descriptor: Int32) {
        cnc_atomic_store(storage.savedStderr, descriptor)
    }

    private static func recordTerminal() {
        let fd: Int32 = isatty(1) != 0 ? 1 : (isatty(0) != 0 ? 0 : -1)
        guard fd >= 0 else { return }
        if tcgetattr(fd, storage.modes) == 0 { cnc_atomic_store(storage.hasModes, 1) }
        let bytes = resetSequence(terminal: fd)
        let count = min(bytes.count, GuardStorage.resetCapacity)
        for (offset, byte) in bytes.prefix(count).enumerated() { storage.resetBytes[offset] = byte }
        cnc_atomic_store(storage.resetLength, Int32(count))
        cnc_atomic_store(storage.terminal, fd)
    }

    /// The terminal's own strings for reset attributes, visible cursor, keypad off and leave the alternate
    /// screen, with padding (`$<5>`) removed; the xterm sequences when terminfo has none of them.
    static func resetSequence(terminal fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            var buffer = [CChar](repeating: 0, count: 128)
            let length = cnc_terminfo_string(fd, capability, &buffer, Int32(buffer.count))
            guard length > 0 else { continue }
            bytes += withoutPadding(buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) })
        }
        return bytes.isEmpty ? Array("\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m".utf8) : bytes
    }

    /// Drops terminfo delay specifications (`$<…>`), which curses interprets and a raw `write` must not send.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                index = close + 1
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

/// Stop signals: note it for the run loop; a repeat while the first is unhandled restores and exits at once.
private func handleStopSignal(_ signal: Int32) {
    let storage = TerminalGuard.storage
    if cnc_atomic_load(storage.pendingSignal) != 0 {
        storage.restoreTerminal()
        _exit(TerminalGuard.exitStatus(for: signal))
    }
    cnc_atomic_store(storage.pendingSignal, signal)
}

/// Crash signals: restore the terminal, hand the signal to whoever had it before, and make sure it is fatal.
///
/// A faulting instruction faults again when the handler returns, so reinstating the previous action and
/// returning lets that handler see the real address and registers. A sent signal (kill, abort) would not recur,
/// so the previous handler is called directly and the signal is then raised with the default action. SIGTRAP
/// takes the second path: after `int3` the instruction pointer has already moved past the trap.
private func handleCrashSignal(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    let storage = TerminalGuard.storage
    storage.restoreTerminal()
    let previous = storage.previousActions + Int(signal)
    _ = cnc_sigaction_restore(signal, previous)
    if signal != SIGTRAP && cnc_siginfo_is_fault(info) != 0 { return }
    cnc_forward_then_die(signal, previous, info, context)
}

import Foundation

/// Ctrl-C and SIGTERM (systemd's stop) for `cutover poll` and `cutover ingest`: the command ends its current
/// batch, closes the database (and gives the poller lease back), then exits with 128 + the signal's number.
/// One that has not ended after `grace` seconds (a network call still waiting), or a second signal, ends the
/// process at once after `beforeForcedExit`; what was not committed rolls back.
final class StopOnSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var number: Int32?
    private var sources: [any DispatchSourceSignal] = []

    init(grace: Double = 5, beforeForcedExit: @escaping @Sendable () -> Void = {}) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let first = lock.withLock {
                    guard self.number == nil else { return false }
                    self.number = number
                    return true
                }
                let now: @Sendable () -> Void = {
                    beforeForcedExit()
                    Foundation.exit(128 + number)
                }
                if first {
                    DispatchQueue.global().asyncAfter(deadline: .now() + grace, execute: now)
                } else {
                    now()
                }
            }
            source.resume()
            return source
        }
    }

    /// The signal that asked to stop, once one came.
    var received: Int32? { lock.withLock { number } }

    var requested: Bool { received != nil }

    /// Sleeps `seconds`, or less when a stop is asked for.
    func sleep(_ seconds: Double) {
        var left = seconds
        while left > 0, !requested {
            Thread.sleep(forTimeInterval: min(0.1, left))
            left -= 0.1
        }
    }

    /// Stops listening (the default actions stay ignored until the process ends).
    func cancel() { sources.forEach { $0.cancel() } }
}

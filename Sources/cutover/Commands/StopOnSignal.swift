import CutoverSources
import CutoverStore
import Foundation

/// Ctrl-C and SIGTERM (systemd's stop) for `cutover poll`: the poll ends its current batch, gives the lease
/// back and closes the database, then exits with 128 + the signal's number. A poll that has not ended after
/// `grace` seconds (a network call still waiting), or a second signal, ends the process at once; what was
/// not committed rolls back, and the lease is given back first either way.
final class StopOnSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var number: Int32?
    private var sources: [any DispatchSourceSignal] = []

    init(database: CutoverDatabase, holder: String, grace: Double = 5) {
        // Weak: the handlers outlive `cancel()` for a moment, and a handle they kept would stay open past the
        // exit (its log left beside the file).
        weak let database = database
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
                    if let database { try? PollerLease(database: database, holder: holder).release() }
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

import CutoverFormats
import CutoverSources
import CutoverStore
import Foundation

/// The configured poller, run on its own thread inside the dashboard while this process holds the poller
/// lease; when another process (`cutover poll`, another dashboard) holds it, this one only watches.
public final class BackgroundPoller: @unchecked Sendable {
    public static let leaseName = PollerLease.name

    private let config: CutoverConfig
    /// Asked every round, so a replaced database file is polled into, not the unlinked old one.
    private let currentDatabase: () throws -> CutoverDatabase
    private let holder: String
    /// The database this poller last held the lease on, to give it back.
    private var leased: CutoverDatabase?
    private let lock = NSLock()
    private var stopped = false
    private var holding = false
    private var lastError: String?
    private var lastRetries = 0
    private var thread: Thread?
    /// Signalled when the loop has returned: from then on no round can be writing.
    private let finished = DispatchSemaphore(value: 0)

    public convenience init(config: CutoverConfig, database: CutoverDatabase, holder: String = PollerLease.holderName()) {
        self.init(config: config, currentDatabase: { database }, holder: holder)
    }

    public convenience init(config: CutoverConfig, file: DatabaseFile, holder: String = PollerLease.holderName()) {
        self.init(config: config, currentDatabase: file.database, holder: holder)
    }

    init(config: CutoverConfig, currentDatabase: @escaping () throws -> CutoverDatabase, holder: String) {
        self.config = config
        self.currentDatabase = currentDatabase
        self.holder = holder
    }

    /// Who polls as far as this process knows, the last error of its own poller, and the retries (throttling,
    /// server errors) its last round needed.
    public var status: PollerStatus {
        lock.withLock { PollerStatus(holder: holding ? "this process" : nil, error: lastError, retries: lastRetries) }
    }

    public func start() {
        // Weak: a thread that held its poller would keep it, and the database it polls, open past the end.
        let finished = self.finished
        let thread = Thread { [weak self] in
            self?.loop()
            finished.signal()
        }
        thread.name = "cutover-poller"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Stops after the current round and, once it is over, gives the lease back; true when the loop ended
    /// within `timeout` seconds (or never started).
    ///
    /// Until the loop has ended it may still be writing, so the lease stays held; and while its thread runs it
    /// holds the database open, so the process would exit without closing it (leaving its log behind). A round
    /// still running after `timeout` is cut short by the exit: its transaction rolls back, and the lease of a
    /// process that is gone is taken over at once by the next poller of this host.
    @discardableResult
    public func stop(timeout: Double = 3) -> Bool {
        let (database, running) = lock.withLock {
            stopped = true
            return (leased, thread != nil)
        }
        if running, finished.wait(timeout: .now() + timeout) == .timedOut { return false }
        lock.withLock {
            thread = nil
            leased = nil
        }
        if let database { try? PollerLease(database: database, holder: holder).release() }
        return true
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func loop() {
        let interval = max(1, config.pollIntervalSeconds)
        while !isStopped {
            let now = Date().timeIntervalSince1970
            do {
                let database = try currentDatabase()
                // The same lease term as `cutover poll`: long enough for a slow round, short enough that a
                // crashed holder frees it within minutes (at once on this host).
                let outcome = try PollerLease(database: database, holder: holder).acquire(
                    ttl: max(120, 3 * interval), now: now)
                var mine = true
                if case .heldBy = outcome { mine = false }
                lock.withLock {
                    holding = mine
                    if mine { leased = database }
                }
                if mine {
                    let report = try ConfiguredPoll(config: config, database: database).run(
                        now: { Date().timeIntervalSince1970 }, shouldStop: { self.isStopped })
                    lock.withLock {
                        lastError = nil
                        lastRetries = (report.ahi?.retries ?? 0) + (report.s3?.retries ?? 0)
                    }
                }
            } catch {
                lock.withLock { lastError = String(describing: error) }
            }
            var waited = 0.0
            while waited < interval && !isStopped {
                Thread.sleep(forTimeInterval: 0.2)
                waited += 0.2
            }
        }
        lock.withLock { holding = false }
    }
}

/// What the header says about this process's poller.
public struct PollerStatus: Equatable, Sendable {
    public var holder: String?
    public var error: String?
    public var retries: Int

    public init(holder: String? = nil, error: String? = nil, retries: Int = 0) {
        self.holder = holder
        self.error = error
        self.retries = retries
    }
}

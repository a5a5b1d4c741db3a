import CutoverFormats
import CutoverSources
import CutoverStore
import Foundation

/// The configured poller, run on its own thread inside the dashboard while this process holds the poller
/// lease; when another process (`cutover poll`, another dashboard) holds it, this one only watches.
public final class BackgroundPoller: @unchecked Sendable {
    public static let leaseName = "poller"

    private let config: CutoverConfig
    private let database: CutoverDatabase
    private let holder: String
    private let lock = NSLock()
    private var stopped = false
    private var holding = false
    private var lastError: String?
    private var lastRetries = 0
    private var thread: Thread?

    public init(config: CutoverConfig, database: CutoverDatabase, holder: String) {
        self.config = config
        self.database = database
        self.holder = holder
    }

    /// Who polls as far as this process knows, the last error of its own poller, and the retries (throttling,
    /// server errors) its last round needed.
    public var status: PollerStatus {
        lock.withLock { PollerStatus(holder: holding ? "this process" : nil, error: lastError, retries: lastRetries) }
    }

    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "cutover-poller"
        self.thread = thread
        thread.start()
    }

    /// Stops after the current poll and gives the lease back.
    public func stop() {
        lock.withLock { stopped = true }
        try? database.releaseLease(Self.leaseName, holder: holder)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func loop() {
        let poll = ConfiguredPoll(config: config, database: database)
        let interval = max(1, config.pollIntervalSeconds)
        while !isStopped {
            let now = Date().timeIntervalSince1970
            do {
                // The same lease term as `cutover poll`: long enough for a slow round, short enough that a
                // crashed holder frees it within minutes.
                let mine = try database.acquireLease(Self.leaseName, holder: holder, ttl: max(120, 3 * interval), now: now)
                lock.withLock { holding = mine }
                if mine {
                    let report = try poll.run(now: { Date().timeIntervalSince1970 })
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

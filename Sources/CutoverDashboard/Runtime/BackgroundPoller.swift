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
        let thread = Thread { [self] in loop() }
        thread.name = "cutover-poller"
        self.thread = thread
        thread.start()
    }

    /// Stops after the current poll and gives the lease back.
    public func stop() {
        let database = lock.withLock {
            stopped = true
            return leased
        }
        if let database { try? PollerLease(database: database, holder: holder).release() }
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
                    let report = try ConfiguredPoll(config: config, database: database).run(now: {
                        Date().timeIntervalSince1970
                    })
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

import ArgumentParser
import CutoverSources
import CutoverStore
import Foundation

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every source configured in cutover.toml, once or every few seconds.",
        discussion: """
            Each poll defines the config's cohorts, re-imports its inventory files when they changed, and
            ingests what is new in its local folders and S3 prefixes. One poller at a time: while another holds the database's
            poller lease, --once exits 1 naming it and the loop waits.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Poll once and exit.")
    var once = false

    @Option(help: "Seconds between polls (default: sources.local.interval_seconds from the config).")
    var interval: Double?

    /// The lease that keeps a second poller (another `cutover poll`, or a dashboard polling in-process) from
    /// writing at the same time (architecture §2).
    static let lease = "poller"

    func run() throws {
        try reportingErrors {
            let config = try store.requireConfig()
            guard !config.localPaths.isEmpty || config.ahi != nil || config.s3 != nil else {
                throw CLIError(
                    "\(config.path): no sources configured; add paths under [sources.local], uris under "
                        + "[sources.s3] or [sources.ahi]")
            }
            let (database, _) = try store.openDatabase()
            let poll = ConfiguredPoll(config: config, database: database)
            let seconds = interval
                ?? min(
                    config.pollIntervalSeconds, config.ahi?.intervalSeconds ?? .infinity,
                    config.s3?.intervalSeconds ?? .infinity)
            let holder = Self.holderName()
            // Renewed every round; long enough for a slow round, short enough that a crashed poller's lease
            // frees itself soon.
            let ttl = max(120, seconds * 3)
            let signals = Self.releaseOnSignal(database: database, holder: holder)
            defer {
                signals.forEach { $0.cancel() }
                try? database.releaseLease(Self.lease, holder: holder)
            }
            var waitingFor: String?
            while true {
                let now = Date().timeIntervalSince1970
                guard
                    try database.acquireLease(
                        Self.lease, holder: holder, ttl: ttl, now: now, isAbandoned: Self.holderIsGone)
                else {
                    let other = try database.leaseHolder(Self.lease, now: now) ?? "another process"
                    if once {
                        throw CLIError("another poller (\(other)) is polling \(database.path); nothing was polled")
                    }
                    if waitingFor != other {
                        print("another poller (\(other)) is polling \(database.path); waiting for it to stop")
                        waitingFor = other
                    }
                    Thread.sleep(forTimeInterval: seconds)
                    continue
                }
                waitingFor = nil
                let report = try poll.run(now: { Date().timeIntervalSince1970 })
                PollSummary(report: report).print()
                if once {
                    if !report.ingest.problems.isEmpty { throw ExitCode.failure }
                    return
                }
                Thread.sleep(forTimeInterval: seconds)
            }
        }
    }

    /// `pid@host`: names the process in the other poller's message.
    static func holderName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
        return "\(getpid())@\(host)"
    }

    /// True when `holder` (`pid@host`) names a process of this host that no longer exists: a poller killed
    /// with `kill -9` or by the OOM killer could not give its lease back, and nobody should wait for it.
    static func holderIsGone(_ holder: String) -> Bool {
        guard let at = holder.firstIndex(of: "@"), let pid = pid_t(holder[..<at]), pid > 0,
            holder[holder.index(after: at)...] == holderName().split(separator: "@", maxSplits: 1).last ?? ""
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Ctrl-C and SIGTERM (systemd's stop) release the lease before exiting, so the next poller need not
    /// wait for it to expire.
    static func releaseOnSignal(database: CutoverDatabase, holder: String) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                try? database.releaseLease(lease, holder: holder)
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
    }
}

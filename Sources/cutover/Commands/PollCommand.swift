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
            let lease = PollerLease(database: database)
            // Renewed every round; long enough for a slow round, short enough that a crashed poller's lease
            // frees itself soon (at once on this host: see PollerLease).
            let ttl = max(120, seconds * 3)
            // Weak: the signal handlers outlive `cancel()` for a moment, and a handle they kept would stay open
            // past the exit (its log left beside the file).
            let stop = StopOnSignal { [weak database, holder = lease.holder] in
                if let database { try? PollerLease(database: database, holder: holder).release() }
            }
            defer {
                stop.cancel()
                try? lease.release()
            }
            var waitingFor: String?
            var lastFailure: String?
            while !stop.requested {
                let now = Date().timeIntervalSince1970
                switch try lease.acquire(ttl: ttl, now: now) {
                case .acquired:
                    break
                case .tookOver(let previous):
                    print("the poller lease of \(previous), which no longer runs, is taken over")
                    fflush(nil)
                case .heldBy(let other):
                    if once {
                        throw CLIError("another poller (\(other)) is polling \(database.path); nothing was polled")
                    }
                    if waitingFor != other {
                        print("another poller (\(other)) is polling \(database.path); waiting for it to stop")
                        fflush(nil)
                        waitingFor = other
                    }
                    stop.sleep(seconds)
                    continue
                }
                waitingFor = nil
                if once {
                    let report = try poll.run(now: { Date().timeIntervalSince1970 }, shouldStop: { stop.requested })
                    PollSummary(report: report).print()
                    if let number = stop.received { throw ExitCode(128 + number) }
                    if !report.ingest.problems.isEmpty { throw ExitCode.failure }
                    return
                }
                // A failed round (the network, a throttling burst longer than the retries) is said once and
                // tried again next round: what it did not fetch is fetched then, and nothing is half-written.
                do {
                    let report = try poll.run(now: { Date().timeIntervalSince1970 }, shouldStop: { stop.requested })
                    PollSummary(report: report).print()
                    lastFailure = nil
                } catch {
                    let sentence = "cutover: this poll failed and is retried in \(Self.secondsText(seconds)): "
                        + errorSentence(error)
                    if sentence != lastFailure { printError(sentence) }
                    lastFailure = sentence
                }
                fflush(nil)
                stop.sleep(seconds)
            }
            if let number = stop.received { throw ExitCode(128 + number) }
        }
    }

    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

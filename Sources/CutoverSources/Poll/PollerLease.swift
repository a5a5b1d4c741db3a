#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import CutoverStore

/// The lease that keeps one poller writing to a database at a time: `cutover poll`, or a dashboard polling
/// in-process (architecture §2). Holders are named `pid@host`, so the other poller's message says who.
///
/// A lease outlives a poller killed with SIGKILL until it expires. When its holder is a process of this host
/// that no longer runs, waiting for the expiry helps nobody, so the lease is taken over at once.
public struct PollerLease: Sendable {
    public static let name = "poller"

    public enum Outcome: Equatable, Sendable {
        case acquired
        /// The previous holder was a process of this host that no longer runs.
        case tookOver(from: String)
        case heldBy(String)
    }

    let database: CutoverDatabase
    public let holder: String

    public init(database: CutoverDatabase, holder: String = PollerLease.holderName()) {
        self.database = database
        self.holder = holder
    }

    /// Takes or renews the lease until `now + ttl`.
    public func acquire(ttl: Double, now: Double) throws -> Outcome {
        // A read first: while the holder is mid-ingest it holds the write lock, and a second poller must still
        // be able to say who is polling rather than that the database is busy.
        if let other = try database.leaseHolder(Self.name, now: now), other != holder,
            !Self.isGoneFromThisHost(other)
        {
            return .heldBy(other)
        }
        if try database.acquireLease(Self.name, holder: holder, ttl: ttl, now: now) { return .acquired }
        guard let other = try database.leaseHolder(Self.name, now: now) else {
            // Released or expired between the two statements.
            return try database.acquireLease(Self.name, holder: holder, ttl: ttl, now: now)
                ? .acquired : .heldBy("another process")
        }
        if Self.isGoneFromThisHost(other),
            try database.takeOverLease(Self.name, from: other, holder: holder, ttl: ttl, now: now)
        {
            return .tookOver(from: other)
        }
        return .heldBy(other)
    }

    /// Gives the lease up if this holder has it.
    public func release() throws { try database.releaseLease(Self.name, holder: holder) }

    /// `pid@host` for this process.
    public static func holderName() -> String { "\(getpid())@\(hostName())" }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `holder` names a process of this host (`pid@host`) that does not exist any more.
    static func isGoneFromThisHost(_ holder: String) -> Bool {
        let parts = holder.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, String(parts[1]) == hostName(), let pid = pid_t(parts[0]), pid > 0,
            pid != getpid()
        else { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }
}

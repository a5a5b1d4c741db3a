#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import CutoverSources
import CutoverStore
import Foundation
import Testing

/// The poller lease as pollers take it: a holder on another host keeps it until it expires, whatever its
/// process id means here; a holder of this host that no longer runs loses it at once.
@Suite struct PollerLeaseTests {
    let tree: SourceTree
    var database: CutoverDatabase { tree.database }

    init() throws { tree = try SourceTree() }

    /// A process id that no process of this host has.
    static func deadPid() -> pid_t {
        var pid: pid_t = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid += 1 }
        return pid
    }

    var host: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func lease(_ holder: String) -> PollerLease { PollerLease(database: database, holder: holder) }

    @Test func aHolderOnAnotherHostKeepsTheLeaseUntilItExpires() throws {
        // The same number is a dead process here; on its own host it may well run.
        let other = "\(Self.deadPid())@another-host.invalid"
        #expect(try lease(other).acquire(ttl: 60, now: 1000) == .acquired)
        let me = lease(PollerLease.holderName())
        #expect(try me.acquire(ttl: 60, now: 1059) == .heldBy(other))
        #expect(try database.leaseHolder(PollerLease.name, now: 1059) == other)
        #expect(try me.acquire(ttl: 60, now: 1060) == .acquired)
        #expect(try database.leaseHolder(PollerLease.name, now: 1061) == me.holder)
        // The other host's poller, back after the expiry, now finds the lease taken.
        #expect(try lease(other).acquire(ttl: 60, now: 1062) == .heldBy(me.holder))
    }

    @Test func aHolderOfThisHostThatNoLongerRunsIsTakenOverAtOnce() throws {
        let gone = "\(Self.deadPid())@\(host)"
        #expect(try lease(gone).acquire(ttl: 60, now: 1000) == .acquired)
        let me = lease(PollerLease.holderName())
        #expect(try me.acquire(ttl: 60, now: 1001) == .tookOver(from: gone))
        #expect(try database.leaseHolder(PollerLease.name, now: 1001) == me.holder)
    }

    @Test func aRunningProcessOfThisHostKeepsTheLease() throws {
        // This test's own parent runs for as long as the test does.
        let running = "\(getppid())@\(host)"
        #expect(try lease(running).acquire(ttl: 60, now: 1000) == .acquired)
        #expect(try lease(PollerLease.holderName()).acquire(ttl: 60, now: 1001) == .heldBy(running))
    }

    @Test func aHolderNameThatIsNotPidAtHostIsNeverTakenOver() throws {
        for odd in ["nobody", "@\(host)", "x@\(host)", "0@\(host)", "-5@\(host)"] {
            let fresh = try CutoverDatabase(path: tree.path("\(UUID().uuidString).sqlite"))
            #expect(try PollerLease(database: fresh, holder: odd).acquire(ttl: 60, now: 1000) == .acquired)
            #expect(
                try PollerLease(database: fresh, holder: PollerLease.holderName()).acquire(ttl: 60, now: 1001)
                    == .heldBy(odd), "\(odd)")
        }
    }

    @Test func theHolderRenewsAndReleasesItsOwnLease() throws {
        let me = lease(PollerLease.holderName())
        #expect(try me.acquire(ttl: 60, now: 1000) == .acquired)
        #expect(try me.acquire(ttl: 60, now: 1050) == .acquired)
        #expect(try lease("1@another-host.invalid").acquire(ttl: 60, now: 1100) == .heldBy(me.holder))
        try me.release()
        #expect(try lease("1@another-host.invalid").acquire(ttl: 60, now: 1101) == .acquired)
    }
}

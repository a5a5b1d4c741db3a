import CutoverStore
import Testing

/// The poller lease: one holder at a time, renewed by its holder, free after expiry or release.
@Suite struct LeaseTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    @Test func aSecondHolderIsRefusedWhileTheFirstIsLive() throws {
        let db = store.database
        #expect(try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 100))
        #expect(try !db.acquireLease("poller", holder: "2@b", ttl: 60, now: 120))
        #expect(try db.leaseHolder("poller", now: 120) == "1@a")
        // Another lease name is independent.
        #expect(try db.acquireLease("other", holder: "2@b", ttl: 60, now: 120))
    }

    @Test(arguments: [
        ("just before expiry", 159.0, false, "1@a"),
        ("at expiry", 160.0, true, "2@b"),
        ("long after", 1000.0, true, "2@b"),
    ])
    func anExpiredLeaseIsFree(_ name: String, _ now: Double, _ acquired: Bool, _ holder: String) throws {
        let db = store.database
        try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        #expect(try db.acquireLease("poller", holder: "2@b", ttl: 60, now: now) == acquired, "\(name)")
        #expect(try db.leaseHolder("poller", now: now) == holder, "\(name)")
    }

    @Test func theHolderRenewsItsLease() throws {
        let db = store.database
        try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        #expect(try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 150))
        #expect(try db.leaseHolder("poller", now: 200) == "1@a")
        #expect(try !db.acquireLease("poller", holder: "2@b", ttl: 60, now: 200))
        #expect(try db.leaseHolder("poller", now: 210) == nil)
    }

    @Test func releaseFreesItOnlyForItsHolder() throws {
        let db = store.database
        try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        try db.releaseLease("poller", holder: "2@b")
        #expect(try db.leaseHolder("poller", now: 101) == "1@a")
        try db.releaseLease("poller", holder: "1@a")
        #expect(try db.leaseHolder("poller", now: 101) == nil)
        #expect(try db.acquireLease("poller", holder: "2@b", ttl: 60, now: 102))
    }

    @Test func aLeaseTakenThroughOneConnectionIsSeenThroughAnother() throws {
        try store.database.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        let other = try CutoverDatabase(path: store.path)
        #expect(try !other.acquireLease("poller", holder: "2@b", ttl: 60, now: 110))
        let reader = try CutoverDatabase(path: store.path, readOnly: true)
        #expect(try reader.leaseHolder("poller", now: 110) == "1@a")
    }
}

extension LeaseTests {
    @Test func aLiveLeaseIsTakenOverOnlyFromTheHolderNamed() throws {
        let db = store.database
        try db.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        #expect(try !db.takeOverLease("poller", from: "3@a", holder: "2@a", ttl: 60, now: 110))
        #expect(try db.leaseHolder("poller", now: 111) == "1@a")
        #expect(try db.takeOverLease("poller", from: "1@a", holder: "2@a", ttl: 60, now: 110))
        #expect(try db.leaseHolder("poller", now: 111) == "2@a")
    }
}

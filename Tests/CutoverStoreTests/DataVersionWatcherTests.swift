import CutoverStore
import Testing

/// The dashboard's change detector: `PRAGMA data_version` on a connection of its own.
@Suite struct DataVersionWatcherTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    @Test func nothingWrittenMeansNoChange() throws {
        let watcher = try DataVersionWatcher(path: store.path)
        #expect(try !watcher.hasChanged())
        _ = try store.database.jobsPage(PageRequest())
        #expect(try !watcher.hasChanged())
    }

    @Test func aCommitThroughTheDatabaseIsSeenOnce() throws {
        let watcher = try DataVersionWatcher(path: store.path)
        try store.database.acquireLease("poller", holder: "1@a", ttl: 60, now: 100)
        #expect(try watcher.hasChanged())
        #expect(try !watcher.hasChanged())
        try store.database.releaseLease("poller", holder: "1@a")
        #expect(try watcher.hasChanged())
    }

    @Test func aCommitFromAnotherOpenOfTheFileIsSeen() throws {
        let watcher = try DataVersionWatcher(path: store.path)
        let other = try CutoverDatabase(path: store.path)
        try other.recordAccess(action: "reveal-phi", cohort: nil, actor: Actor(name: "ana"), detail: [:])
        #expect(try watcher.hasChanged())
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: StoreError.self) { try DataVersionWatcher(path: store.path + ".missing") }
    }
}

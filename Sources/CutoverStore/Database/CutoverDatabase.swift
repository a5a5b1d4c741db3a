import Foundation
import GRDB

/// The SQLite file that holds everything: one writer at a time, any number of readers (WAL).
///
/// Read-only opens are enforced by SQLite itself (`SQLITE_OPEN_READONLY`), not by hiding commands.
public final class CutoverDatabase: Sendable {
    public let path: String
    public let isReadOnly: Bool
    let pool: DatabasePool
    /// Read-write handles: checkpoints run off the writer's thread (see there).
    private let checkpoint: BackgroundCheckpoint?
    let digestMemo = GenerationMemo<[String: CohortDigest]>()
    /// Read-only handles: the digests last stored by a writer, by the generation they were stored for.
    let laggingDigestMemo = GenerationMemo<[String: CohortDigest]>()
    let warningStudiesMemo = GenerationMemo<[Int: Int64]>()
    let tallyMemo = GenerationMemo<(lastDecision: Int64, tallies: FindingTallies)>()

    /// Opens (and in read-write mode creates and migrates) the database at `path`.
    ///
    /// `maxPageCount` caps the file's size in pages: the tests use it to meet a full disk (`SQLITE_FULL`)
    /// where they cannot mount a small file system.
    public init(path: String, readOnly: Bool = false, maxPageCount: Int? = nil) throws {
        self.path = path
        self.isReadOnly = readOnly
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(10)
        config.label = "cutover"
        checkpoint = readOnly ? nil : BackgroundCheckpoint(path: path)
        if let checkpoint {
            config.prepareDatabase { db in
                // WAL makes NORMAL durable against crashes of the process (not of the OS), which is what
                // "nothing lost after kill -9" needs; the larger page cache keeps ingest off the disk.
                try db.execute(sql: "PRAGMA page_size = 16384")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA cache_size = -65536")
                if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
                checkpoint.install(on: db)
            }
        }
        if readOnly && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path: path, reason: "no such file")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if readOnly {
                try pool.read { db in
                    guard try db.tableExists("jobs") else { throw StoreError.notACutoverDatabase(path: path) }
                }
            } else {
                let migrator = Schema.migrator
                try pool.read { db in
                    if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                }
                try migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// A checkpoint under way finishes and its connection closes before the writer's, so the writer's close is
    /// the last one: SQLite folds the log into the file and removes it, and a command leaves no log behind.
    deinit { checkpoint?.close() }

    /// Waits for a checkpoint under way or asked for (tests).
    func waitForCheckpoint() { checkpoint?.wait() }

    /// Runs `body` in a read transaction (a consistent snapshot).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// Runs `body` in one immediate write transaction: everything it writes commits together or not at all.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// Copies the write-ahead log back into the database file on a thread of its own, so the writer never waits
/// for it. SQLite's own automatic checkpoint runs inside the commit that takes the log past its threshold:
/// the commit of a million-row inventory import copied the whole log (a quarter of a gigabyte) while the
/// import waited, and every big ingest batch paid its share.
///
/// It replaces the automatic checkpoint on the writing connection (`install`) with the same rule: after a
/// commit that leaves at least `threshold` pages in the log, one PASSIVE checkpoint runs, here on a serial
/// queue with a connection of its own. PASSIVE never blocks readers or the writer and copies what no reader
/// still needs, like the automatic one. The owner calls `close()` before its writer closes, so the writer's
/// close is the last and removes the log; a checkpoint cut short by a crash is safe (SQLite redoes it).
final class BackgroundCheckpoint: @unchecked Sendable {
    static let threshold: Int32 = 1000

    private let path: String
    private let queue = DispatchQueue(label: "cutover.checkpoint", qos: .utility)
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var pending = false
    /// Opened on the queue at the first checkpoint; used only there.
    private var connection: OpaquePointer?

    init(path: String) {
        self.path = path
    }

    deinit {
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Hooks the writer's commits (replacing SQLite's automatic checkpoint on that connection).
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, pages in
            if pages >= BackgroundCheckpoint.threshold, let context {
                Unmanaged<BackgroundCheckpoint>.fromOpaque(context).takeUnretainedValue().schedule()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Waits for a checkpoint under way or asked for.
    func wait() { group.wait() }

    /// Waits, then closes this connection. Call before the writer closes: SQLite folds the log into the file
    /// and removes it only when the last connection closes, and this object may otherwise outlive the writer
    /// (the queue lets go of its last block a moment later, possibly after the process has exited).
    func close() {
        group.wait()
        queue.sync {
            if let connection { sqlite3_close_v2(connection) }
            connection = nil
        }
    }

    private func schedule() {
        lock.lock()
        defer { lock.unlock() }
        guard !pending else { return }
        pending = true
        queue.async(group: group) { [self] in
            lock.withLock { pending = false }
            checkpoint()
        }
    }

    private func checkpoint() {
        if connection == nil {
            var handle: OpaquePointer?
            guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
                sqlite3_close_v2(handle)
                return
            }
            // A connection finds the log on its first read; before that it checkpoints nothing.
            guard sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK else {
                sqlite3_close_v2(handle)
                return
            }
            connection = handle
        }
        // Busy (another process checkpoints) or any other failure: the next commit past the threshold asks again.
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}

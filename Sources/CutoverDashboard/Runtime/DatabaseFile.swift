import CutoverStore
import Foundation

/// The database a dashboard reads and writes, followed by its path rather than held by its inode.
///
/// When the file is replaced while the dashboard runs (a restore, another database moved over it), the next
/// use opens the new file, so pages, actions and the in-process poller all go to the file the path names,
/// never to the unlinked old one. While the file is missing every use throws `DatabaseFile.Missing`, and
/// nothing is created in its place.
public final class DatabaseFile: @unchecked Sendable {
    /// A file's device and inode: a replaced file has new ones even under the same name.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) is missing; waiting for it to come back" }
    }

    public let path: String
    let readOnly: Bool
    private let lock = NSLock()
    private var current: (database: CutoverDatabase, identity: Identity)?
    private var first: Identity?

    /// Follows `database.path`, starting with the open `database`.
    public init(_ database: CutoverDatabase, readOnly: Bool = false) {
        path = database.path
        self.readOnly = readOnly
        if let identity = Identity(path: path) { current = (database, identity) }
        first = current?.identity
    }

    /// Follows `path`, opening it on first use.
    public init(path: String, readOnly: Bool) {
        self.path = path
        self.readOnly = readOnly
    }

    /// The handle on the file now at `path`.
    public func database() throws -> CutoverDatabase {
        try lock.withLock {
            guard let identity = Identity(path: path) else { throw Missing(path: path) }
            if let current, current.identity == identity { return current.database }
            let database = try CutoverDatabase(path: path, readOnly: readOnly)
            current = (database, identity)
            if first == nil { first = identity }
            return database
        }
    }

    /// True once the file at `path` is not the one first opened.
    public var wasReplaced: Bool {
        lock.withLock {
            guard let first, let identity = current?.identity else { return false }
            return identity != first
        }
    }

    /// The file's identity now, to notice a change without opening anything.
    var identityNow: Identity? { Identity(path: path) }

    /// The identity of the file last opened, if any.
    var openedIdentity: Identity? { lock.withLock { current?.identity } }
}

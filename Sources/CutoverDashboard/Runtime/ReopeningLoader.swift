import CutoverFormats
import CutoverStore
import Foundation

/// The wallboard's loader: a read-only handle that survives the database being replaced or briefly missing.
///
/// Each call checks the file's identity (device and inode): a new file is opened afresh, a missing one is
/// reported as a load error (shown on screen) until it comes back. No write ever goes through it.
public final class ReopeningLoader: PageLoader {
    struct FileIdentity: Equatable {
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

    let path: String
    let config: CutoverConfig?
    private var current: (loader: StorePageLoader, identity: FileIdentity)?

    public init(path: String, config: CutoverConfig?) {
        self.path = path
        self.config = config
    }

    private func loader() throws -> StorePageLoader {
        guard let identity = FileIdentity(path: path) else {
            current = nil
            throw Missing(path: path)
        }
        if let current, current.identity == identity { return current.loader }
        let database = try CutoverDatabase(path: path, readOnly: true)
        let loader = StorePageLoader(database: database, config: config)
        current = (loader, identity)
        return loader
    }

    public func load(_ query: PageQuery) throws -> PageContent { try loader().load(query) }

    public func header(_ base: HeaderInfo) throws -> HeaderInfo { try loader().header(base) }

    /// A replaced, vanished or reappeared file counts as a change, so the screen catches up at once.
    public func dataChanged() -> Bool {
        let identity = FileIdentity(path: path)
        guard let current, identity == current.identity else { return identity != nil || current != nil }
        return current.loader.dataChanged()
    }
}

import CutoverFormats
import CutoverStore
import Foundation

/// A loader that survives the database being replaced or briefly missing, for the wallboard (read-only) and
/// the interactive dashboard (through the same `DatabaseFile` as its actions and poller).
///
/// Each call checks the file's identity (device and inode): a new file is opened afresh, a missing one is
/// reported as a load error (shown on screen) until it comes back. Once the file has been replaced the header
/// carries a notice saying so.
public final class ReopeningLoader: PageLoader {
    public typealias Missing = DatabaseFile.Missing

    let file: DatabaseFile
    let config: CutoverConfig?
    let pollerStatus: () -> PollerStatus
    private var current: (loader: StorePageLoader, database: CutoverDatabase)?

    /// The wallboard's form: a read-only handle on `path`.
    public convenience init(path: String, config: CutoverConfig?) {
        self.init(file: DatabaseFile(path: path, readOnly: true), config: config)
    }

    public init(
        file: DatabaseFile, config: CutoverConfig?, pollerStatus: @escaping () -> PollerStatus = { PollerStatus() }
    ) {
        self.file = file
        self.config = config
        self.pollerStatus = pollerStatus
    }

    private func loader() throws -> StorePageLoader {
        let database: CutoverDatabase
        do {
            database = try file.database()
        } catch let missing as Missing {
            current = nil
            throw missing
        }
        if let current, current.database === database { return current.loader }
        let loader = StorePageLoader(database: database, config: config, pollerStatus: pollerStatus)
        current = (loader, database)
        return loader
    }

    public func load(_ query: PageQuery) throws -> PageContent { try loader().load(query) }

    public func header(_ base: HeaderInfo) throws -> HeaderInfo {
        var header = try loader().header(base)
        header.notice =
            file.wasReplaced
            ? "\((file.path as NSString).lastPathComponent) was replaced while the dashboard ran; showing the new file"
            : nil
        return header
    }

    /// A replaced, vanished or reappeared file counts as a change, so the screen catches up at once. Compared
    /// with the file last opened, not the last check, so a change between the first load and the first check
    /// is not missed.
    public func dataChanged() -> Bool {
        let identity = file.identityNow
        // Replaced or gone since it was opened: reload once (a failed load clears `current`, so a file that
        // stays missing is not reloaded again until it comes back).
        if identity != file.openedIdentity { return identity != nil || current != nil }
        guard let current else { return identity != nil }
        return current.loader.dataChanged()
    }
}

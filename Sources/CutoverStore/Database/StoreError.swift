import GRDB

/// What can go wrong in the store, in words for the user. Bound values (which may be patient data) never
/// appear here: GRDB's `DatabaseError` description is not used because it may include them.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notACutoverDatabase(path: String)
    case newerSchema(path: String)
    case busy(path: String)
    case readOnly(path: String)
    case full(path: String)
    case sqlite(path: String, code: Int32, message: String)
    case unknownImageSet(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open database \(path): \(reason)"
        case .notACutoverDatabase(let path): "\(path) is not a cutover database"
        case .newerSchema(let path): "\(path) was written by a newer cutover; upgrade cutover to read it"
        case .unknownImageSet(let id): "image set \(id) is not in the database"
        case .busy(let path): "database \(path) is busy (another process holds a write lock); try again"
        case .readOnly(let path): "database \(path) is open read-only; this command needs to write"
        case .full(let path):
            "database \(path): the disk is full, so the last change was not saved (what was saved before is intact); "
                + "free some space and run the command again"
        case .sqlite(let path, _, let message): "database \(path): \(message)"
        }
    }

    /// Maps any error thrown by GRDB at the store boundary.
    static func wrap(_ error: any Error, path: String) -> any Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_FULL: return StoreError.full(path: path)
        case .SQLITE_NOTADB: return StoreError.notACutoverDatabase(path: path)
        case .SQLITE_CANTOPEN: return StoreError.cannotOpen(path: path, reason: "the file or its folder is not accessible")
        default: return StoreError.sqlite(path: path, code: db.extendedResultCode.rawValue, message: db.message ?? "error")
        }
    }
}

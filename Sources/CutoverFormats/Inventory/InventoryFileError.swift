#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// An inventory file that cannot be read at all: it cannot be opened, is not CSV or NDJSON, or its header
/// lacks a required column. Bad rows are not errors of this kind; the reader reports them and goes on.
///
/// `reason` is one plain sentence that names the column or the position, never a value: inventory rows
/// carry patient names and IDs, and these messages end up in logs and on screens.
public struct InventoryFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    init(path: String, doing action: String, errno code: Int32) {
        self.init(path: path, reason: "cannot \(action) the file: \(String(cString: strerror(code)).lowercased())")
    }

    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}

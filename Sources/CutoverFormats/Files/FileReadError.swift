#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A file that could not be opened or read, as one sentence naming the file.
public struct FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)).lowercased())
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

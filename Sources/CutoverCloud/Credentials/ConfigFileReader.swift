import Foundation

/// How the credential chain reads `~/.aws/credentials` and `~/.aws/config`: a path in, the text out, `nil` when
/// the file is missing or unreadable. Tests pass a dictionary-backed reader or temp files; production uses `disk`.
public struct ConfigFileReader: Sendable {
    public let read: @Sendable (String) -> String?

    public init(_ read: @escaping @Sendable (String) -> String?) {
        self.read = read
    }

    /// Reads UTF-8 files from the local file system.
    public static let disk = ConfigFileReader { path in
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}

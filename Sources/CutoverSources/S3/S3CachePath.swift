/// Where an object's copy lives in the cache: `<root>/<bucket>/<key>`, when the key can be a relative path.
///
/// Keys that could escape the bucket's folder or cannot name a file (`..`, `.`, empty segments such as `a//b`,
/// NUL) are not mirrored; keys ending in `/` are folder markers and hold nothing to read.
enum S3CachePath {
    enum Placement: Equatable {
        case file(String)
        case folderMarker
        case unusable
    }

    static func placement(root: String, bucket: String, key: String) -> Placement {
        if key.hasSuffix("/") { return .folderMarker }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        let usable = !key.isEmpty && !key.utf8.contains(0) && !key.hasPrefix("/")
            && segments.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
        return usable ? .file("\(root)/\(bucket)/\(key)") : .unusable
    }

    /// The folder to ingest for `prefix`: its part up to the last `/`, since a prefix such as `out/job-1`
    /// selects keys beside it too (`out/job-10/…`).
    static func folder(root: String, bucket: String, prefix: String) -> String {
        guard let slash = prefix.lastIndex(of: "/") else { return "\(root)/\(bucket)" }
        return "\(root)/\(bucket)/\(prefix[..<slash])"
    }
}

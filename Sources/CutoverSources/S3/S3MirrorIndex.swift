import Foundation

/// What the cache holds: each mirrored object's ETag and size, keyed by `bucket/key`, in `index.json` at the
/// cache root. The cache is disposable: a lost index only means the next poll downloads everything again.
struct S3MirrorIndex: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var etag: String
        var size: UInt64
    }

    var version = 1
    var objects: [String: Entry] = [:]

    static func entryKey(bucket: String, key: String) -> String { "\(bucket)/\(key)" }

    /// The index at `path`, or an empty one when it is missing or unreadable.
    static func load(_ path: String) -> S3MirrorIndex {
        guard let data = FileManager.default.contents(atPath: path),
            let index = try? JSONDecoder().decode(S3MirrorIndex.self, from: data), index.version == 1
        else { return S3MirrorIndex() }
        return index
    }

    /// Written to a temporary file and renamed, so a crash leaves the old index or the new one.
    func save(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

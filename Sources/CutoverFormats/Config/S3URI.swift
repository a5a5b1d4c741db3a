/// An `s3://bucket/prefix` location from `cutover.toml`: a bucket and a key prefix (possibly empty).
///
///     S3URI(parsing: "s3://pacs-output/healthimaging/") == S3URI(bucket: "pacs-output", prefix: "healthimaging/")
public struct S3URI: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var bucket: String
    /// Keys are matched by this prefix exactly as S3 does: `out` also matches `out-old/…`; end it in `/` for a
    /// folder.
    public var prefix: String

    public init(bucket: String, prefix: String) {
        self.bucket = bucket
        self.prefix = prefix
    }

    /// Nil unless `text` is `s3://` followed by a bucket name (letters, digits, `.`, `-`, `_`) and, optionally,
    /// `/` and a prefix.
    public init?(parsing text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        let validBucket = !bucket.isEmpty && bucket.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || ".-_".contains($0) }
        guard validBucket else { return nil }
        self.init(bucket: String(bucket), prefix: String(rest.dropFirst(bucket.count + 1)))
    }

    public var description: String { "s3://\(bucket)/\(prefix)" }
}

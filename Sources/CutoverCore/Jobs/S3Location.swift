/// `s3://bucket/some/prefix/` split into bucket and key prefix. Input keys AHI reports are object keys
/// without the bucket, so a job's input prefix is what its `inputS3Uri` holds after the bucket.
public struct S3Location: Equatable, Sendable {
    public var bucket: String
    public var key: String

    public init?(uri: String) {
        guard uri.hasPrefix("s3://") else { return nil }
        let rest = uri.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else {
            guard !rest.isEmpty else { return nil }
            self.bucket = String(rest)
            self.key = ""
            return
        }
        self.bucket = String(rest[..<slash])
        self.key = String(rest[rest.index(after: slash)...])
        guard !bucket.isEmpty else { return nil }
    }
}

import Foundation

/// One object as `ListObjectsV2` describes it.
public struct S3Object: Sendable, Equatable {
    /// The key exactly as stored: any Unicode, spaces and XML-special characters included.
    public var key: String
    public var size: UInt64
    /// The ETag without its quotes, e.g. `fba9dede5f27731c9771645a39863328` (or `…-3` for multipart uploads).
    public var etag: String
    public var lastModified: Date?

    public init(key: String, size: UInt64, etag: String, lastModified: Date? = nil) {
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// A bucket and a key: one end of `S3Client.copyObject`.
public struct S3ObjectLocation: Sendable, Hashable {
    public var bucket: String
    public var key: String

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// The request path: the bucket as one segment, the key with its `/` kept and everything else encoded
    /// once (`a b/x+y` → `/bucket/a%20b/x%2By`), which is also what S3 signs (no second encoding).
    var path: String {
        "/\(URIEncoding.component(bucket))/\(URIEncoding.path(key))"
    }
}

/// One HTTP request as a value, so it can be built, signed and inspected without any I/O.
///
/// ```swift
/// var request = HTTPRequest(.get, "https://s3.eu-west-1.amazonaws.com/bucket/job/results.ndjson.gz")
/// request.range = HTTPByteRange(from: offset)
/// request.decodeContentEncoding = false  // keep the .gz object as stored
/// ```
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    /// The absolute URL, already percent-encoded: the signer and the transport must see the same bytes.
    public var url: String
    /// Sent in this order. The transport adds `User-Agent`, `Range` and, when decoding, `Accept-Encoding`
    /// only if they are absent here.
    public var headers: HTTPHeaders
    /// `nil` sends no body; an empty array sends `Content-Length: 0`, which AWS wants on bodiless POST/PUT.
    public var body: [UInt8]?
    /// The whole exchange for `send`; for `download`, the longest the transfer may go without receiving a byte,
    /// so a large object on a slow link is not cut off half way.
    public var timeout: Duration
    /// How long to wait for the TCP and TLS handshakes.
    public var connectTimeout: Duration
    /// Ask for part of the representation (`206 Partial Content`), for resuming and for reading headers only.
    public var range: HTTPByteRange?
    /// Whether to ask for and transparently undo gzip/deflate `Content-Encoding`.
    ///
    /// Off by default because it changes the bytes: an S3 object stored as `.gz` must arrive as stored, while
    /// AHI `GetImageSetMetadata` (which answers with `Content-Encoding: gzip`) is wanted decoded.
    public var decodeContentEncoding: Bool

    public init(
        _ method: HTTPMethod, _ url: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), range: HTTPByteRange? = nil,
        decodeContentEncoding: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.range = range
        self.decodeContentEncoding = decodeContentEncoding
    }
}

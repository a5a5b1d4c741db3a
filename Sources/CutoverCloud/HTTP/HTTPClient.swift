/// The capability to exchange one HTTP request for one response.
///
/// The AHI, S3 and DICOMweb clients take an `HTTPClient` rather than libcurl directly, so tests can swap the
/// transport and so signing stays a pure function of an `HTTPRequest`. Transport failures (no route, timeouts,
/// TLS) are thrown as `HTTPError`; HTTP status codes, including 4xx and 5xx, are returned, not thrown, because
/// only the typed client knows what a status means for its service.
public protocol HTTPClient {
    /// Sends `request` and returns the whole response body in memory.
    ///
    /// Use for API calls whose responses are small (JSON documents, XML listings).
    func send(_ request: HTTPRequest) throws -> HTTPResponse

    /// Sends `request` and passes the body of a 2xx response to `sink` as it arrives, in chunks.
    ///
    /// Use for large objects and NDJSON read incrementally: the body is never held in memory as a whole. A
    /// non-2xx body is not passed to `sink`; its first bytes are kept in `HTTPResponseHead.errorBody` so the
    /// caller can read the service's error document. If `sink` throws, the transfer stops and its error is
    /// rethrown unchanged.
    ///
    /// ```swift
    /// let head = try client.download(request) { chunk in try file.write(chunk) }
    /// guard head.status == 200 else { throw S3Error(head) }
    /// ```
    func download(_ request: HTTPRequest, to sink: (UnsafeRawBufferPointer) throws -> Void) throws
        -> HTTPResponseHead
}

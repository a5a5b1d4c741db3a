import Foundation

/// The S3 operations cutover uses (`ListObjectsV2`, `GetObject`, `CopyObject`), path-style and signed with
/// SigV4's S3 rules, retried with backoff on throttling (`SlowDown`), 5xx and dropped connections.
///
/// Keys go on the wire encoded once (`URIEncoding.path`), and that same path is what is signed.
///
/// Not `Sendable`: it holds one `HTTPClient` (one libcurl handle); use one client per thread.
public final class S3Client {
    let sender: SignedSender
    let endpoint: Endpoint
    /// Retries made so far (throttling, server errors, network).
    public var retries: Int { sender.retries }

    public init(
        http: HTTPClient, credentials: Credentials, region: String, environment: [String: String],
        retry: RetryPolicy = RetryPolicy(), clock: @escaping () -> Date = Date.init,
        sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        random: @escaping () -> Double = { Double.random(in: 0..<1) }, timeout: Duration = .seconds(30)
    ) throws {
        sender = SignedSender(
            http: http, signer: SigV4Signer(credentials: credentials, region: region, service: .s3), retry: retry,
            clock: clock, sleep: sleep, random: random, timeout: timeout)
        endpoint = try EndpointResolver.resolve(.s3, region: region, environment: environment)
    }

    /// One page of `ListObjectsV2` (up to 1,000 objects) under `prefix`, and the token for the next page (nil
    /// on the last).
    ///
    ///     var token: String?
    ///     repeat {
    ///         let page = try s3.listObjects(bucket: "pacs", prefix: "out/", continuationToken: token)
    ///         token = page.nextToken
    ///     } while token != nil
    public func listObjects(bucket: String, prefix: String, continuationToken: String? = nil) throws
        -> (objects: [S3Object], nextToken: String?)
    {
        var query = [SigningRequest.QueryItem("list-type", "2")]
        if !prefix.isEmpty { query.append(.init("prefix", prefix)) }
        if let continuationToken { query.append(.init("continuation-token", continuationToken)) }
        let response = try send(
            "ListObjectsV2", endpoint.request(method: "GET", path: "/\(URIEncoding.component(bucket))", query: query))
        do {
            return try S3ListObjectsParser.parse(response.body)
        } catch let error as S3XMLError {
            throw AWSServiceError(
                operation: "ListObjectsV2", status: response.status, code: "MalformedResponse",
                message: error.description)
        }
    }

    /// `GetObject`: streams the object (or `range` of it) to `sink` as it arrives; returns the response head.
    ///
    /// With `etag` (from the listing), every attempt carries `If-Match`, so a connection dropped half way is
    /// resumed from the next byte and `sink` still receives each byte once, all from that version; an object
    /// replaced meanwhile fails with `PreconditionFailed`. Without it, only failures before the first byte
    /// are retried.
    @discardableResult
    public func getObject(
        bucket: String, key: String, range: HTTPByteRange? = nil, etag: String? = nil,
        to sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let headers = etag.map { [SigningRequest.Header("if-match", "\"\($0)\"")] } ?? []
        let unsigned = endpoint.request(
            method: "GET", path: S3ObjectLocation(bucket: bucket, key: key).path, headers: headers)
        var delivered: UInt64 = 0
        var attempt = 0
        while true {
            var request = sender.signed(unsigned, body: nil)
            if delivered > 0 || range != nil {
                let first = (range?.first ?? 0) + delivered
                request.range = range?.last.map { HTTPByteRange(first...$0) } ?? HTTPByteRange(from: first)
            }
            do {
                let head = try sender.http.download(request) { chunk in
                    try sink(chunk)
                    delivered += UInt64(chunk.count)
                }
                if head.isSuccess { return head }
                var error = S3ErrorDocument.error(operation: "GetObject", status: head.status, body: head.errorBody)
                error.endpoint = SignedSender.endpoint(unsigned)
                guard error.isRetryable, attempt + 1 < sender.retry.attempts else { throw error }
            } catch let error as HTTPError {
                let resumable = delivered == 0 || etag != nil
                guard resumable, SignedSender.isTransient(error), attempt + 1 < sender.retry.attempts else { throw error }
            }
            sender.pause(attempt)
            attempt += 1
        }
    }

    /// `CopyObject` within or across buckets; returns the new object's ETag (without quotes).
    @discardableResult
    public func copyObject(from source: S3ObjectLocation, to destination: S3ObjectLocation) throws -> String {
        // The copy source is encoded like a path, as botocore does: `/` kept, everything else but `-._~` escaped.
        let header = SigningRequest.Header("x-amz-copy-source", URIEncoding.path("\(source.bucket)/\(source.key)"))
        let response = try send(
            "CopyObject", endpoint.request(method: "PUT", path: destination.path, headers: [header]), body: [])
        // S3 may answer 200 and still report a failure in the body, when it fails after starting to answer.
        if let failure = S3ErrorDocument.parse(response.body) {
            let error = AWSServiceError(
                operation: "CopyObject", status: response.status, code: failure.code, message: failure.message,
                endpoint: endpoint.hostAndPort)
            throw error
        }
        return S3CopyResultParser.etag(response.body) ?? ""
    }

    // MARK: - Transport

    private func send(_ operation: String, _ unsigned: SigningRequest, body: [UInt8]? = nil) throws -> HTTPResponse {
        try sender.send(unsigned, body: body) {
            S3ErrorDocument.error(operation: operation, status: $0.status, body: $0.body)
        }
    }
}

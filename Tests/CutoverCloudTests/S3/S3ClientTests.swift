import Foundation
import Testing

@testable import CutoverCloud

/// What `S3Client` puts on the wire (path, query, headers) and how it retries, against a scripted transport.
@Suite struct S3ClientTests {
    /// Answers requests from a script and records them.
    final class ScriptedHTTP: HTTPClient {
        enum Answer {
            case response(Int, String)
            /// Sends `bytes` to the sink, then fails (or succeeds with `status`).
            case stream([UInt8], failing: HTTPError?, status: Int = 200)
        }

        var script: [Answer]
        var requests: [HTTPRequest] = []

        init(_ script: [Answer]) {
            self.script = script
        }

        func send(_ request: HTTPRequest) throws -> HTTPResponse {
            requests.append(request)
            guard case .response(let status, let body) = script.removeFirst() else { fatalError("unexpected send") }
            return HTTPResponse(status: status, headers: [:], body: Array(body.utf8))
        }

        func download(_ request: HTTPRequest, to sink: (UnsafeRawBufferPointer) throws -> Void) throws
            -> HTTPResponseHead
        {
            requests.append(request)
            switch script.removeFirst() {
            case .response(let status, let body):
                return HTTPResponseHead(status: status, headers: [:], errorBody: Array(body.utf8))
            case .stream(let bytes, let failure, let status):
                try bytes.withUnsafeBytes { try sink($0) }
                if let failure { throw failure }
                return HTTPResponseHead(status: status, headers: [:])
            }
        }
    }

    static func client(_ http: ScriptedHTTP) throws -> S3Client {
        try S3Client(
            http: http, credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            region: "us-east-1", environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9000"],
            clock: { Date(timeIntervalSince1970: 1_767_225_600) }, sleep: { _ in }, random: { 0.5 })
    }

    static let emptyListing = "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"

    @Test func listSendsListTypeTwoPrefixAndToken() throws {
        let http = ScriptedHTTP([.response(200, Self.emptyListing)])
        _ = try Self.client(http).listObjects(bucket: "pacs", prefix: "out put/&x", continuationToken: "a+b/c=")
        #expect(
            http.requests.map(\.url) == [
                "http://127.0.0.1:9000/pacs?continuation-token=a%2Bb%2Fc%3D&list-type=2&prefix=out%20put%2F%26x"
            ])
    }

    struct KeyCase: Sendable, CustomTestStringConvertible {
        var key: String
        var path: String
        var testDescription: String { key }
    }

    @Test(arguments: [
        KeyCase(key: "out/job/SUCCESS/success.ndjson", path: "/pacs/out/job/SUCCESS/success.ndjson"),
        KeyCase(key: "a b/x+y&z=1", path: "/pacs/a%20b/x%2By%26z%3D1"),
        KeyCase(key: "Müller/🩻.dcm", path: "/pacs/M%C3%BCller/%F0%9F%A9%BB.dcm"),
        KeyCase(key: "already%20encoded", path: "/pacs/already%2520encoded"),
        KeyCase(key: "dots/./../x", path: "/pacs/dots/./../x"),
    ])
    func objectPathIsEncodedOnceAndSignedAsSent(_ c: KeyCase) throws {
        let http = ScriptedHTTP([.stream(Array("hello".utf8), failing: nil)])
        var received: [UInt8] = []
        try Self.client(http).getObject(bucket: "pacs", key: c.key) { received += $0 }
        #expect(received == Array("hello".utf8))
        let request = try #require(http.requests.first)
        #expect(request.url == "http://127.0.0.1:9000" + c.path)
        // The canonical request's second line is the path: the very bytes on the wire.
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"), region: "us-east-1",
            service: .s3)
        let signed = signer.sign(
            SigningRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: 9000, path: c.path),
            at: Date(timeIntervalSince1970: 1_767_225_600))
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1] == c.path[...])
        #expect(request.headers["authorization"] == signed.authorization)
    }

    @Test func throttlingIsRetriedThenAnswered() throws {
        let http = ScriptedHTTP([
            .response(503, "<Error><Code>SlowDown</Code><Message>Reduce</Message></Error>"),
            .response(200, Self.emptyListing),
        ])
        let client = try Self.client(http)
        _ = try client.listObjects(bucket: "pacs", prefix: "")
        #expect(http.requests.count == 2)
        #expect(client.retries == 1)
    }

    @Test func refusalsAreNotRetried() throws {
        let http = ScriptedHTTP([
            .response(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        ])
        #expect(throws: AWSServiceError(operation: "ListObjectsV2", status: 403, code: "AccessDenied",
                                        message: "Access Denied", endpoint: "127.0.0.1:9000")) {
            try Self.client(http).listObjects(bucket: "pacs", prefix: "")
        }
    }

    @Test func droppedDownloadResumesFromTheNextByteOfTheSameVersion() throws {
        let http = ScriptedHTTP([
            .stream(Array("hel".utf8), failing: .connectionLost(host: "127.0.0.1")),
            .stream(Array("lo".utf8), failing: nil, status: 206),
        ])
        var received: [UInt8] = []
        try Self.client(http).getObject(bucket: "pacs", key: "k", etag: "abc") { received += $0 }
        #expect(String(decoding: received, as: UTF8.self) == "hello")
        #expect(http.requests.map { $0.range?.headerValue } == [nil, "bytes=3-"])
        #expect(http.requests.allSatisfy { $0.headers["if-match"] == "\"abc\"" })
    }

    @Test func droppedDownloadWithoutETagIsNotResumed() throws {
        let http = ScriptedHTTP([.stream(Array("hel".utf8), failing: .connectionLost(host: "127.0.0.1"))])
        #expect(throws: HTTPError.self) { try Self.client(http).getObject(bucket: "pacs", key: "k") { _ in } }
    }

    @Test func copySendsTheEncodedSourceAndReadsFailuresInA200() throws {
        let http = ScriptedHTTP([
            .response(200, "<CopyObjectResult><ETag>&quot;e1&quot;</ETag></CopyObjectResult>"),
            .response(200, "<Error><Code>InternalError</Code><Message>try again</Message></Error>"),
        ])
        let client = try Self.client(http)
        let etag = try client.copyObject(
            from: S3ObjectLocation(bucket: "src", key: "a b/ü+.json"), to: S3ObjectLocation(bucket: "dst", key: "c"))
        #expect(etag == "e1")
        #expect(http.requests[0].method == .put && http.requests[0].url == "http://127.0.0.1:9000/dst/c")
        #expect(http.requests[0].headers["x-amz-copy-source"] == "src/a%20b/%C3%BC%2B.json")
        #expect(throws: AWSServiceError.self) {
            try client.copyObject(from: S3ObjectLocation(bucket: "s", key: "a"), to: S3ObjectLocation(bucket: "d", key: "b"))
        }
    }
}

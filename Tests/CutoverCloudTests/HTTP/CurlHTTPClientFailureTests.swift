import CutoverCloud
import Testing

/// Transport failures become one `HTTPError` sentence naming the host, never echoing headers or the query.
@Suite struct CurlHTTPClientFailureTests {
    let client = CurlHTTPClient(environment: [:])
    static let secret = "wJalrXUtnFEMI-secret-in-a-header"
    static let signature = "f0e1d2c3b4a5signature"

    /// Headers carrying credentials, as the SigV4 signer will produce them.
    static let credentialHeaders: HTTPHeaders = [
        "Authorization":
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, Signature=\(secret)",
        "X-Amz-Security-Token": secret,
    ]

    static func expectNoSecrets(_ error: HTTPError) {
        let text = error.description
        #expect(!text.contains(secret))
        #expect(!text.contains("AKIDEXAMPLE"))
        #expect(!text.contains(signature))
    }

    @Test func sendTimesOutWithinTheTimeout() throws {
        try EchoServer.with { server in
            let request = HTTPRequest(
                .get, server.base + "/slow/10", headers: Self.credentialHeaders, timeout: .seconds(1))
            let clock = ContinuousClock()
            let start = clock.now
            let error = #expect(throws: HTTPError.self) { try client.send(request) }
            let elapsed = clock.now - start
            #expect(error == .timedOut(host: "127.0.0.1", after: .seconds(1)))
            #expect(elapsed < .seconds(3))
            #expect(error?.description == "The request to 127.0.0.1 timed out after 1 s.")
            if let error { Self.expectNoSecrets(error) }
        }
    }

    @Test func downloadGivesUpWhenNoDataArrives() throws {
        try EchoServer.with { server in
            let request = HTTPRequest(.get, server.base + "/slow/10", timeout: .seconds(1))
            let clock = ContinuousClock()
            let start = clock.now
            let error = #expect(throws: HTTPError.self) { try client.download(request) { _ in } }
            #expect(error == .stalled(host: "127.0.0.1", after: .seconds(1)))
            #expect(clock.now - start < .seconds(5))
        }
    }

    @Test func closedPortIsCouldNotConnectNamingHostAndPort() throws {
        let port = EchoServer.closedPort()
        let url = "http://127.0.0.1:\(port)/path?X-Amz-Signature=\(Self.signature)"
        let error = #expect(throws: HTTPError.self) {
            try client.send(HTTPRequest(.get, url, headers: Self.credentialHeaders))
        }
        #expect(error == .couldNotConnect(endpoint: "127.0.0.1:\(port)"))
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
        if let error { Self.expectNoSecrets(error) }
    }

    @Test func httpsToAPlainHTTPServerFailsTLSInsteadOfDowngrading() throws {
        try EchoServer.with { server in
            let url = "https://127.0.0.1:\(server.port)/echo?X-Amz-Signature=\(Self.signature)"
            let error = #expect(throws: HTTPError.self) {
                try client.send(HTTPRequest(.get, url, headers: Self.credentialHeaders))
            }
            switch error {
            case .tlsHandshakeFailed(let host, _), .tlsVerificationFailed(let host, _):
                #expect(host == "127.0.0.1")
            default:
                Issue.record("expected a TLS failure, got \(String(describing: error))")
            }
            #expect(error?.description.contains("TLS") == true)
            if let error { Self.expectNoSecrets(error) }
        }
    }

    @Test func unresolvableHostIsNamed() throws {
        let request = HTTPRequest(.get, "http://cutover-no-such-host.invalid/", timeout: .seconds(10))
        let error = #expect(throws: HTTPError.self) { try client.send(request) }
        #expect(error == .couldNotResolve(host: "cutover-no-such-host.invalid"))
    }

    @Test func headerWithLineBreakIsRefusedWithoutItsValue() throws {
        let request = HTTPRequest(
            .get, "http://127.0.0.1:1/", headers: ["X-Injected": "ok\r\nAuthorization: \(Self.secret)"])
        let error = #expect(throws: HTTPError.self) { try client.send(request) }
        #expect(error == .invalidHeader(name: "X-Injected", host: "127.0.0.1"))
        if let error { Self.expectNoSecrets(error) }
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "not a url", "https://"])
    func nonHTTPURLsAreRefused(url: String) throws {
        let error = #expect(throws: HTTPError.self) { try client.send(HTTPRequest(.get, url)) }
        guard case .invalidURL = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
    }

    @Test func userInfoInTheURLIsNotNamedInErrors() throws {
        let port = EchoServer.closedPort()
        let error = #expect(throws: HTTPError.self) {
            try client.send(HTTPRequest(.get, "http://user:\(Self.secret)@127.0.0.1:\(port)/"))
        }
        #expect(error == .couldNotConnect(endpoint: "127.0.0.1:\(port)"))
    }
}

import CutoverCloud
import Testing

/// TLS is verified: an untrusted certificate fails, and trusting its CA explicitly makes the same server work.
@Suite struct CurlHTTPClientTLSTests {
    @Test func selfSignedCertificateFailsVerification() throws {
        try EchoServer.with(tls: true) { server in
            let client = CurlHTTPClient(environment: [:])
            let error = #expect(throws: HTTPError.self) { try client.send(HTTPRequest(.get, server.base + "/echo")) }
            guard case .tlsVerificationFailed(let host, _) = error else {
                Issue.record("expected tlsVerificationFailed, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1")
        }
    }

    @Test func trustedCertificateVerifies() throws {
        try EchoServer.with(tls: true) { server in
            let client = CurlHTTPClient(environment: [:], caBundlePath: server.certificatePath)
            let response = try client.send(HTTPRequest(.post, server.base + "/echo", body: [0, 1, 2]))
            #expect(response.status == 200)
            #expect(try Echo(response).body == [0, 1, 2])
        }
    }
}

import CutoverCloud
import Foundation
import Testing

/// `decodeContentEncoding` decides whether gzip bodies arrive decoded (AHI metadata) or as stored (S3 `.gz`).
@Suite struct CurlHTTPClientEncodingTests {
    let client = CurlHTTPClient(environment: [:])

    struct GzipDocument: Decodable {
        let compressed: Bool
        let acceptEncoding: String?

        enum CodingKeys: String, CodingKey {
            case compressed
            case acceptEncoding = "accept_encoding"
        }
    }

    @Test func gzipIsDecodedWhenAsked() throws {
        try EchoServer.with { server in
            let response = try client.send(HTTPRequest(.get, server.base + "/gzip", decodeContentEncoding: true))
            #expect(response.status == 200)
            #expect(response.headers["Content-Encoding"] == "gzip")
            let document = try JSONDecoder().decode(GzipDocument.self, from: Data(response.body))
            #expect(document.compressed)
            #expect(document.acceptEncoding?.contains("gzip") == true)
        }
    }

    @Test func gzipIsKeptAsStoredByDefault() throws {
        try EchoServer.with { server in
            let response = try client.send(HTTPRequest(.get, server.base + "/gzip"))
            #expect(response.status == 200)
            #expect(response.headers["content-encoding"] == "gzip")
            #expect(Array(response.body.prefix(2)) == [0x1F, 0x8B], "the gzip magic number: bytes as stored")
            #expect(response.headers["Content-Length"] == "\(response.body.count)")
        }
    }

    @Test func gzipIsDecodedWhileStreaming() throws {
        try EchoServer.with { server in
            var bytes: [UInt8] = []
            let request = HTTPRequest(.get, server.base + "/gzip", decodeContentEncoding: true)
            let head = try client.download(request) { bytes.append(contentsOf: $0) }
            #expect(head.status == 200)
            #expect(try JSONDecoder().decode(GzipDocument.self, from: Data(bytes)).compressed)
        }
    }
}

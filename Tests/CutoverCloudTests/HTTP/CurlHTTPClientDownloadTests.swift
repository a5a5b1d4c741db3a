import CutoverCloud
import Testing

/// `download` streams a 2xx body to the sink in chunks, so large objects never sit in memory whole.
@Suite struct CurlHTTPClientDownloadTests {
    let client = CurlHTTPClient(environment: [:])

    @Test func fiveMegabytesArriveInChunksAndIntact() throws {
        try EchoServer.with { server in
            let total = 5 * 1024 * 1024
            var received = 0
            var chunks = 0
            var largestChunk = 0
            var mismatches = 0
            let head = try client.download(HTTPRequest(.get, server.base + "/bytes/\(total)")) { chunk in
                for (offset, byte) in chunk.enumerated() where byte != patternByte(received + offset) {
                    mismatches += 1
                }
                received += chunk.count
                chunks += 1
                largestChunk = max(largestChunk, chunk.count)
            }
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == "\(total)")
            #expect(head.errorBody.isEmpty)
            #expect(received == total)
            #expect(mismatches == 0)
            #expect(chunks > 20)
            #expect(largestChunk <= 1024 * 1024, "the sink sees chunks, never the whole body")
        }
    }

    @Test func chunkedTransferEncodingIsReassembled() throws {
        try EchoServer.with { server in
            let expected = (0..<50).map { "line \($0)\n" }.joined()
            let response = try client.send(HTTPRequest(.get, server.base + "/chunked?count=50"))
            #expect(response.headers["Transfer-Encoding"] == "chunked")
            #expect(String(decoding: response.body, as: UTF8.self) == expected)

            var streamed: [UInt8] = []
            let head = try client.download(HTTPRequest(.get, server.base + "/chunked?count=50")) {
                streamed.append(contentsOf: $0)
            }
            #expect(head.status == 200)
            #expect(String(decoding: streamed, as: UTF8.self) == expected)
        }
    }

    @Test func errorBodyIsKeptOutOfTheSink() throws {
        try EchoServer.with { server in
            var sinkCalls = 0
            let head = try client.download(HTTPRequest(.get, server.base + "/status/404")) { _ in sinkCalls += 1 }
            #expect(head.status == 404)
            #expect(!head.isSuccess)
            #expect(sinkCalls == 0)
            #expect(head.errorBody == Array("status 404".utf8))
        }
    }

    struct DiskFull: Error, Equatable {}

    @Test func sinkErrorStopsTheTransferAndIsRethrown() throws {
        try EchoServer.with { server in
            var received = 0
            #expect(throws: DiskFull()) {
                try client.download(HTTPRequest(.get, server.base + "/bytes/\(5 * 1024 * 1024)")) { chunk in
                    received += chunk.count
                    throw DiskFull()
                }
            }
            #expect(received > 0 && received < 5 * 1024 * 1024)
            let after = try client.send(HTTPRequest(.get, server.base + "/status/200"))
            #expect(after.status == 200, "the client is usable after an aborted transfer")
        }
    }
}

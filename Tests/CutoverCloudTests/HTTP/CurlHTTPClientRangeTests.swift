import CutoverCloud
import Testing

/// `range` asks for part of a representation and gets `206 Partial Content`.
@Suite struct CurlHTTPClientRangeTests {
    let client = CurlHTTPClient(environment: [:])

    @Test func closedRangeReturnsThoseBytes() throws {
        try EchoServer.with { server in
            let request = HTTPRequest(.get, server.base + "/bytes/1000", range: HTTPByteRange(100...199))
            let response = try client.send(request)
            #expect(response.status == 206)
            #expect(response.headers["Content-Range"] == "bytes 100-199/1000")
            #expect(response.body == (100...199).map(patternByte))
        }
    }

    @Test func openRangeReturnsTheRest() throws {
        try EchoServer.with { server in
            let response = try client.send(
                HTTPRequest(.get, server.base + "/bytes/1000", range: HTTPByteRange(from: 990)))
            #expect(response.status == 206)
            #expect(response.body == (990..<1000).map(patternByte))
        }
    }

    @Test func rangeIsSentAsAHeader() throws {
        try EchoServer.with { server in
            let echo = try Echo(
                client.send(HTTPRequest(.get, server.base + "/echo", range: HTTPByteRange(0..<10))))
            #expect(echo.values("Range") == ["bytes=0-9"])
        }
    }

    @Test func rangeWorksForDownloads() throws {
        try EchoServer.with { server in
            var bytes: [UInt8] = []
            let request = HTTPRequest(.get, server.base + "/bytes/100000", range: HTTPByteRange(from: 99_000))
            let head = try client.download(request) { bytes.append(contentsOf: $0) }
            #expect(head.status == 206)
            #expect(bytes == (99_000..<100_000).map(patternByte))
        }
    }

    @Test func unsatisfiableRangeIsAStatusNotAnError() throws {
        try EchoServer.with { server in
            let response = try client.send(
                HTTPRequest(.get, server.base + "/bytes/10", range: HTTPByteRange(from: 50)))
            #expect(response.status == 416)
            #expect(response.headers["Content-Range"] == "bytes */10")
        }
    }
}

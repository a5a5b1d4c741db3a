import CutoverCloud
import Testing

/// Requests go out exactly as built: method, path and query, headers in order, bodies byte for byte.
@Suite struct CurlHTTPClientRequestTests {
    let client = CurlHTTPClient(environment: [:])

    @Test func getSendsQueryAndHeadersExactly() throws {
        try EchoServer.with { server in
            let odd = #"AWS4-HMAC-SHA256 a=b; c="d,e"; path=/a%20b?x&y ~!@#$^*()[]{}|\<> é ✓"#
            let request = HTTPRequest(
                .get, server.base + "/echo?b=2&a=1&key=%2F%20x",
                headers: ["X-First": "1", "X-Odd": odd, "x-lower-case": "kept", "X-Empty": "", "X-Last": "3"])
            let response = try client.send(request)
            #expect(response.status == 200)
            let echo = try Echo(response)
            #expect(echo.method == "GET")
            #expect(echo.path == "/echo?b=2&a=1&key=%2F%20x")
            #expect(echo.values("X-Odd") == [odd])
            #expect(echo.values("X-Empty") == [""])
            #expect(echo.headerNames.contains("x-lower-case"))
            let ours = echo.headerNames.filter { $0.hasPrefix("X-") || $0.hasPrefix("x-") }
            #expect(ours == ["X-First", "X-Odd", "x-lower-case", "X-Empty", "X-Last"])
            #expect(echo.values("User-Agent") == [CurlHTTPClient.defaultUserAgent])
            #expect(echo.values("Accept-Encoding").isEmpty)
        }
    }

    @Test func postRoundTripsBinaryBodyWithZeroBytes() throws {
        try EchoServer.with { server in
            let body: [UInt8] = [0, 0, 1, 0, 255, 13, 10, 0] + (0...255).map { UInt8($0) } + [0]
            let response = try client.send(HTTPRequest(.post, server.base + "/echo", body: body))
            let echo = try Echo(response)
            #expect(echo.method == "POST")
            #expect(echo.body == body)
            #expect(echo.values("Content-Length") == ["\(body.count)"])
            #expect(echo.values("Content-Type").isEmpty, "libcurl's form Content-Type must not be added")
            #expect(echo.values("Expect").isEmpty)
        }
    }

    @Test func postWithoutBodySendsContentLengthZero() throws {
        try EchoServer.with { server in
            let echo = try Echo(client.send(HTTPRequest(.post, server.base + "/echo")))
            #expect(echo.method == "POST")
            #expect(echo.values("Content-Length") == ["0"])
            #expect(echo.body.isEmpty)
        }
    }

    @Test func putSendsBodyAndCallersContentType() throws {
        try EchoServer.with { server in
            let body = Array("{\"a\":1}".utf8) + [0]
            let request = HTTPRequest(
                .put, server.base + "/echo/object", headers: ["Content-Type": "application/json"], body: body)
            let echo = try Echo(client.send(request))
            #expect(echo.method == "PUT")
            #expect(echo.path == "/echo/object")
            #expect(echo.body == body)
            #expect(echo.values("Content-Type") == ["application/json"])
        }
    }

    @Test func deleteAndPatchUseTheirMethods() throws {
        try EchoServer.with { server in
            #expect(try Echo(client.send(HTTPRequest(.delete, server.base + "/echo"))).method == "DELETE")
            let patch = try Echo(client.send(HTTPRequest(.patch, server.base + "/echo", body: [1, 2])))
            #expect(patch.method == "PATCH")
            #expect(patch.body == [1, 2])
        }
    }

    @Test func headReturnsHeadersWithoutBody() throws {
        try EchoServer.with { server in
            let response = try client.send(HTTPRequest(.head, server.base + "/bytes/1000"))
            #expect(response.status == 200)
            #expect(response.headers["content-length"] == "1000")
            #expect(response.body.isEmpty)
        }
    }

    @Test(arguments: [200, 204, 301, 403, 404, 500, 503])
    func statusCodesAreReturnedNotThrown(code: Int) throws {
        try EchoServer.with { server in
            let response = try client.send(HTTPRequest(.get, server.base + "/status/\(code)"))
            #expect(response.status == code)
            #expect(response.isSuccess == (200..<300).contains(code))
            #expect(response.headers["X-Test-Header"] == "Mixed-Case-Value")
            #expect(response.headers["x-test-header"] == "Mixed-Case-Value")
            #expect(response.headers["X-TEST-HEADER"] == "Mixed-Case-Value")
            if code != 204 { #expect(response.body == Array("status \(code)".utf8)) }
        }
    }

    @Test func oneClientServesManyRequestsInARow() throws {
        try EchoServer.with { server in
            for index in 0..<20 {
                let echo = try Echo(
                    client.send(HTTPRequest(.post, server.base + "/echo?i=\(index)", body: [UInt8(index)])))
                #expect(echo.query == "i=\(index)")
                #expect(echo.body == [UInt8(index)])
            }
        }
    }
}

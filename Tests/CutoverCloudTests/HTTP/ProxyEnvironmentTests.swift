import Testing

@testable import CutoverCloud

/// Proxies come from the standard environment variables, by libcurl's rules, and are really used.
@Suite struct ProxyEnvironmentTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let environment: [String: String]
        let scheme: String
        let proxy: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing set", environment: [:], scheme: "https", proxy: nil),
        Case(
            name: "http_proxy for http", environment: ["http_proxy": "http://p:3128"], scheme: "http",
            proxy: "http://p:3128"),
        Case(
            name: "uppercase HTTP_PROXY is ignored (httpoxy)", environment: ["HTTP_PROXY": "http://evil:80"],
            scheme: "http", proxy: nil),
        Case(
            name: "http_proxy does not apply to https", environment: ["http_proxy": "http://p:3128"],
            scheme: "https", proxy: nil),
        Case(
            name: "https_proxy for https", environment: ["https_proxy": "http://p:3128"], scheme: "https",
            proxy: "http://p:3128"),
        Case(
            name: "uppercase HTTPS_PROXY is accepted", environment: ["HTTPS_PROXY": "http://P:1"],
            scheme: "https", proxy: "http://P:1"),
        Case(
            name: "lowercase wins over uppercase",
            environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:1"], scheme: "https",
            proxy: "http://lower:1"),
        Case(
            name: "all_proxy as fallback", environment: ["all_proxy": "http://all:1"], scheme: "https",
            proxy: "http://all:1"),
        Case(
            name: "ALL_PROXY as last fallback", environment: ["ALL_PROXY": "http://ALL:1"], scheme: "http",
            proxy: "http://ALL:1"),
        Case(
            name: "empty value means unset", environment: ["https_proxy": "", "all_proxy": "http://all:1"],
            scheme: "https", proxy: "http://all:1"),
    ]

    @Test(arguments: cases)
    func proxyRules(_ testCase: Case) {
        #expect(ProxyEnvironment(testCase.environment).proxy(forScheme: testCase.scheme) == testCase.proxy)
    }

    @Test func noProxyPrefersLowercase() {
        #expect(ProxyEnvironment(["no_proxy": "a", "NO_PROXY": "b"]).noProxy == "a")
        #expect(ProxyEnvironment(["NO_PROXY": "b"]).noProxy == "b")
        #expect(ProxyEnvironment([:]).noProxy == nil)
    }

    @Test func httpProxyCarriesTheRequest() throws {
        try EchoServer.with { server in
            let client = CurlHTTPClient(environment: ["http_proxy": server.base])
            let echo = try Echo(client.send(HTTPRequest(.get, "http://cutover-proxied.invalid/echo?x=1")))
            #expect(echo.path == "http://cutover-proxied.invalid/echo?x=1", "an absolute-form request: via proxy")
        }
    }

    @Test func uppercaseHTTPProxyIsNotUsed() throws {
        try EchoServer.with { server in
            let closed = EchoServer.closedPort()
            let client = CurlHTTPClient(environment: ["HTTP_PROXY": "http://127.0.0.1:\(closed)"])
            let echo = try Echo(client.send(HTTPRequest(.get, server.base + "/echo")))
            #expect(echo.path == "/echo")
        }
    }

    @Test func noProxyBypassesTheProxy() throws {
        try EchoServer.with { server in
            let closed = EchoServer.closedPort()
            let client = CurlHTTPClient(
                environment: ["http_proxy": "http://127.0.0.1:\(closed)", "no_proxy": "localhost,127.0.0.1"])
            let echo = try Echo(client.send(HTTPRequest(.get, server.base + "/echo")))
            #expect(echo.path == "/echo")
        }
    }

    @Test func deadProxyIsNamedAsTheProxy() throws {
        let closed = EchoServer.closedPort()
        let client = CurlHTTPClient(environment: ["http_proxy": "http://proxyuser:hunter2@127.0.0.1:\(closed)"])
        let error = #expect(throws: HTTPError.self) {
            try client.send(HTTPRequest(.get, "http://example.invalid/"))
        }
        #expect(error == .couldNotConnectToProxy(endpoint: "127.0.0.1:\(closed)"))
        #expect(error?.description.contains("hunter2") == false)
    }
}

/// Which proxy the standard environment variables ask for, following libcurl's own rules.
///
/// libcurl reads these variables itself when `CURLOPT_PROXY` is unset; we resolve them here instead and pass the
/// result explicitly, so the environment is a parameter (tests inject one without mutating the process) and the
/// behaviour is written down. The rules are libcurl's (`lib/url.c`, `detect_proxy`):
///
/// - `<scheme>_proxy` in lowercase: `http_proxy`, `https_proxy`. The uppercase `HTTPS_PROXY` is also accepted,
///   but uppercase `HTTP_PROXY` is ignored on purpose: CGI servers put the client's `Proxy:` request header in
///   `HTTP_PROXY` ("httpoxy"), so trusting it lets a remote client pick our proxy.
/// - otherwise `all_proxy`, then `ALL_PROXY`.
/// - `no_proxy`, then `NO_PROXY`: a comma-separated list of hosts, domains or `*`, matched by libcurl
///   (`CURLOPT_NOPROXY`).
struct ProxyEnvironment: Equatable, Sendable {
    private let environment: [String: String]

    init(_ environment: [String: String]) { self.environment = environment }

    /// The proxy URL for requests with `scheme` (`http` or `https`), or `nil` to connect directly.
    func proxy(forScheme scheme: String) -> String? {
        let lower = scheme.lowercased()
        if let value = nonEmpty("\(lower)_proxy") { return value }
        if lower != "http", let value = nonEmpty("\(lower.uppercased())_PROXY") { return value }
        return nonEmpty("all_proxy") ?? nonEmpty("ALL_PROXY")
    }

    /// The hosts that bypass the proxy, in `CURLOPT_NOPROXY` syntax.
    var noProxy: String? { nonEmpty("no_proxy") ?? nonEmpty("NO_PROXY") }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}

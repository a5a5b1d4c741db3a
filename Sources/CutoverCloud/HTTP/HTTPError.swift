/// Why an HTTP exchange failed before a response arrived.
///
/// Each case names the host (or `host:port`) and what happened, and reads as one sentence for the user. No case
/// carries header values, bodies or query strings: credentials and signatures travel in those.
public enum HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not an absolute `http` or `https` URL libcurl can parse.
    case invalidURL(reason: String)
    /// A header value contains a line break or NUL, which would split it into another header.
    case invalidHeader(name: String, host: String)
    case couldNotResolve(host: String)
    case couldNotResolveProxy(proxy: String)
    /// Nothing answered at `endpoint` (`host:port`): refused, unreachable or filtered.
    case couldNotConnect(endpoint: String)
    case couldNotConnectToProxy(endpoint: String)
    case connectTimedOut(endpoint: String, after: Duration)
    /// The whole exchange took longer than the request's `timeout`.
    case timedOut(host: String, after: Duration)
    /// A download received no bytes for the request's `timeout`.
    case stalled(host: String, after: Duration)
    /// The server's certificate did not verify (untrusted, expired, wrong name).
    case tlsVerificationFailed(host: String, detail: String)
    /// The TLS handshake itself failed, for example because the server does not speak TLS on that port.
    case tlsHandshakeFailed(host: String, detail: String)
    /// The connection broke while sending or receiving.
    case connectionLost(host: String)
    /// The response claimed gzip/deflate but the body did not decode.
    case corruptContentEncoding(host: String)
    /// Any other libcurl failure, with libcurl's generic text for the code.
    case failed(host: String, curlCode: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let reason):
            "The request URL is not valid: \(reason)."
        case .invalidHeader(let name, let host):
            "The request to \(host) was not sent: the value of header \(name) contains a line break or NUL."
        case .couldNotResolve(let host):
            "Couldn't resolve host \(host): check the endpoint name and the network's DNS."
        case .couldNotResolveProxy(let proxy):
            "Couldn't resolve the proxy \(proxy): check the http_proxy/https_proxy environment variables."
        case .couldNotConnect(let endpoint):
            "Couldn't connect to \(endpoint): nothing accepted the connection (refused, unreachable or filtered)."
        case .couldNotConnectToProxy(let endpoint):
            "Couldn't connect to the proxy \(endpoint): check the http_proxy/https_proxy environment variables."
        case .connectTimedOut(let endpoint, let after):
            "Couldn't connect to \(endpoint) within \(after.secondsText): the host did not answer."
        case .timedOut(let host, let after):
            "The request to \(host) timed out after \(after.secondsText)."
        case .stalled(let host, let after):
            "The download from \(host) stalled: no data for \(after.secondsText)."
        case .tlsVerificationFailed(let host, let detail):
            "TLS verification of \(host) failed (\(detail)): the certificate is not trusted for that name."
        case .tlsHandshakeFailed(let host, let detail):
            "The TLS handshake with \(host) failed (\(detail)): check that the endpoint speaks HTTPS."
        case .connectionLost(let host):
            "The connection to \(host) broke before the response was complete."
        case .corruptContentEncoding(let host):
            "The response from \(host) was marked as compressed but did not decompress."
        case .failed(let host, let code, let reason):
            "The request to \(host) failed: \(reason) (curl error \(code))."
        }
    }
}

extension Duration {
    /// "30 s", "0.5 s": how timeouts are named in messages.
    var secondsText: String {
        let (seconds, attoseconds) = components
        if attoseconds == 0 { return "\(seconds) s" }
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let text = String(Double(millis) / 1000)
        return "\(text) s"
    }
}

import CCurl

/// The scheme, host and port of a request URL, parsed by libcurl's own URL parser.
///
/// Errors name the endpoint from here rather than echoing the URL, because URLs can carry credentials (user
/// info) and signatures (presigned query strings). Using libcurl's parser means we name exactly the host libcurl
/// connected to.
struct HTTPEndpoint: Equatable, Sendable {
    var scheme: String
    var host: String
    var port: Int

    /// `host:port`, as named in connection errors.
    var hostAndPort: String { "\(host):\(port)" }

    init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    init(parsing url: String) throws(HTTPError) {
        guard let handle = curl_url() else { throw .invalidURL(reason: "out of memory parsing it") }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK else {
            throw .invalidURL(reason: "it is not an absolute URL")
        }
        guard let scheme = Self.part(handle, CURLUPART_SCHEME)?.lowercased(), scheme == "http" || scheme == "https"
        else { throw .invalidURL(reason: "only http and https are supported") }
        guard let host = Self.part(handle, CURLUPART_HOST), !host.isEmpty else {
            throw .invalidURL(reason: "it has no host")
        }
        let port = Self.part(handle, CURLUPART_PORT, flags: ccurl_url_default_port_flag()).flatMap { Int($0) }
        self.init(scheme: scheme, host: host, port: port ?? (scheme == "https" ? 443 : 80))
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart, flags: UInt32 = 0) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}

/// Where requests for one API go, and how to sign them.
///
///     let endpoint = try EndpointResolver.resolve(.medicalImaging, region: "us-east-1", environment: env)
///     let request = endpoint.request(method: "GET", path: "/datastore/\(id)")
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    /// Host name or IP address, IPv6 without brackets.
    public var host: String
    /// `nil` means the scheme's default port.
    public var port: Int?
    /// A percent-encoded prefix from an override URL such as `http://127.0.0.1:5000/ahi`, without a trailing
    /// `/`; empty for AWS hosts.
    public var basePath: String
    public var signingService: SigningService
    /// True when the URL came from an `AWS_ENDPOINT_URL*` variable rather than the AWS host pattern.
    public var isOverride: Bool

    public init(
        scheme: String, host: String, port: Int? = nil, basePath: String = "", signingService: SigningService,
        isOverride: Bool = false
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.signingService = signingService
        self.isOverride = isOverride
    }

    /// The base URL, e.g. `https://medical-imaging.us-east-1.amazonaws.com` or `http://127.0.0.1:5000`.
    public var url: String {
        "\(scheme)://\(request(method: "GET", path: "").hostHeader)\(basePath)"
    }

    public var description: String { url }

    /// `host:port` (the scheme's port when none is given), as error sentences name the endpoint.
    public var hostAndPort: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "\(shown):\(port ?? (scheme == "https" ? 443 : 80))"
    }

    /// A request to `path` (percent-encoded, starting with `/`) under this endpoint, ready for `SigV4Signer`.
    public func request(
        method: String, path: String, query: [SigningRequest.QueryItem] = [], headers: [SigningRequest.Header] = [],
        body: [UInt8] = []
    ) -> SigningRequest {
        SigningRequest(
            method: method, scheme: scheme, host: host, port: port, path: basePath + path, query: query,
            headers: headers, body: body)
    }
}

/// Everything about an HTTP request that SigV4 signs, as plain values.
///
/// `path` is the percent-encoded path exactly as it goes on the wire (build it with `URIEncoding`);
/// `query` holds the decoded items, which the signer encodes and sorts itself. Use `url` to send the request,
/// so the query on the wire is byte-for-byte the one that was signed.
public struct SigningRequest: Sendable, Hashable {
    /// One header as the caller will send it. Names are compared without regard to case.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One decoded query item; an empty value is sent as `name=`.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String = "") {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    public var scheme: String
    /// A host name or IP address; an IPv6 address may be given with or without brackets.
    public var host: String
    /// `nil` for the scheme's default port.
    public var port: Int?
    public var path: String
    public var query: [QueryItem]
    public var headers: [Header]
    public var body: [UInt8]

    public init(
        method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
        query: [QueryItem] = [], headers: [Header] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

extension SigningRequest {
    /// The `host` header value, as botocore derives it: lowercased, IPv6 in brackets, and the port kept
    /// only when it is not the scheme's default (`127.0.0.1:5000`, but `s3.us-east-1.amazonaws.com` for 443).
    public var hostHeader: String {
        var name = host.lowercased()
        if name.contains(":") && !name.hasPrefix("[") {
            name = "[\(name)]"
        }
        guard let port, port != Self.defaultPort(scheme: scheme) else { return name }
        return "\(name):\(port)"
    }

    /// The query string for the wire: items encoded with `URIEncoding` and sorted by key, then value.
    public var encodedQuery: String {
        CanonicalRequest.canonicalQuery(query)
    }

    /// The full URL to send, e.g. `http://127.0.0.1:5000/bucket?list-type=2`.
    public var url: String {
        let query = encodedQuery
        return "\(scheme.lowercased())://\(hostHeader)\(path.isEmpty ? "/" : path)" + (query.isEmpty ? "" : "?\(query)")
    }

    static func defaultPort(scheme: String) -> Int? {
        switch scheme.lowercased() {
        case "https": 443
        case "http": 80
        default: nil
        }
    }
}

/// The canonical request of SigV4, built piece by piece so each rule can be tested on its own.
///
/// ```
/// GET
/// /listDICOMImportJobs/datastore/bbc4f3cccbae4095a34170fddc19b13d
/// jobStatus=IN_PROGRESS&maxResults=50
/// host:medical-imaging.us-east-1.amazonaws.com
/// x-amz-date:20150830T123600Z
///
/// host;x-amz-date
/// e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
/// ```
struct CanonicalRequest: Sendable {
    let method: String
    let uri: String
    let query: String
    /// Lowercased names, sorted, each with its canonical value.
    let headers: [(name: String, value: String)]
    let payloadHash: String

    var signedHeaders: String { headers.map(\.name).joined(separator: ";") }

    var text: String {
        let headerLines = headers.map { "\($0.name):\($0.value)\n" }.joined()
        return [method, uri, query, headerLines, signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// - Parameter signerHeaders: headers the signer itself adds (`x-amz-date`, token, content hash); they
    ///   replace any caller header of the same name.
    init(request: SigningRequest, service: SigningService, signerHeaders: [SigningRequest.Header], payloadHash: String)
    {
        method = request.method.uppercased()
        uri = service.usesS3Rules ? Self.s3URI(request.path) : Self.doubleEncodedURI(request.path)
        query = Self.canonicalQuery(request.query)
        headers = Self.canonicalHeaders(request: request, signerHeaders: signerHeaders)
        self.payloadHash = payloadHash
    }
}

extension CanonicalRequest {
    /// Headers signed besides the ones the signer adds. We sign what the server must see unchanged and
    /// nothing a proxy or libcurl may add or rewrite (`user-agent`, `accept`, `content-length`, hop-by-hop).
    /// Any header outside this set travels unsigned.
    static func isSignable(_ lowercasedName: String) -> Bool {
        lowercasedName == "host" || lowercasedName == "content-type" || lowercasedName.hasPrefix("x-amz-")
    }

    static func canonicalHeaders(request: SigningRequest, signerHeaders: [SigningRequest.Header]) -> [(
        name: String, value: String
    )] {
        let replaced = Set(signerHeaders.map { $0.name.lowercased() } + ["authorization"])
        var values: [String: [String]] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            guard isSignable(name), !replaced.contains(name) else { continue }
            values[name, default: []].append(trimAll(header.value))
        }
        for header in signerHeaders {
            values[header.name.lowercased(), default: []].append(trimAll(header.value))
        }
        if values["host"] == nil {
            values["host"] = [request.hostHeader]
        }
        return values.keys.sorted(by: utf8Order).map { (name: $0, value: values[$0]!.joined(separator: ",")) }
    }

    /// Trims the value and collapses inner runs of whitespace to one space (SigV4 "Trimall").
    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { isASCIIWhitespace($0) }).joined(separator: " ")
    }

    /// Keys sorted, then values, comparing the encoded bytes (so `Upper` sorts before `lower`, and `a` before
    /// `a-b`, as botocore does by sorting `(key, value)` pairs).
    static func canonicalQuery(_ items: [SigningRequest.QueryItem]) -> String {
        items.map { (URIEncoding.component($0.name), URIEncoding.component($0.value)) }
            .sorted { lhs, rhs in
                lhs.0 == rhs.0 ? utf8Order(lhs.1, rhs.1) : utf8Order(lhs.0, rhs.0)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Non-S3 services: dot segments and empty segments removed, then the already-encoded path encoded once
    /// more (a `%` becomes `%25`), keeping `/`.
    static func doubleEncodedURI(_ path: String) -> String {
        URIEncoding.path(removingDotSegments(path))
    }

    /// S3 signs the path exactly as sent: `a//b/./c` stays, and `%20` is not encoded again.
    static func s3URI(_ path: String) -> String {
        path.isEmpty ? "/" : path
    }

    /// RFC 3986 §5.2.4 plus the collapsing of `//` that AWS expects, as botocore's `remove_dot_segments`.
    static func removingDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = output.popLast()
            } else {
                output.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return leading + output.joined(separator: "/") + trailing
    }

    static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func isASCIIWhitespace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
            || character == "\u{0B}" || character == "\u{0C}"
    }
}

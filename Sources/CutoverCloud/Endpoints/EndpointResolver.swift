/// Picks the base URL for each API: the AWS host for the region, unless an `AWS_ENDPOINT_URL*` variable
/// overrides it.
///
/// Order, as botocore: the service variable (`AWS_ENDPOINT_URL_MEDICAL_IMAGING` or `AWS_ENDPOINT_URL_S3`), then
/// `AWS_ENDPOINT_URL`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` turns both off. An override replaces the whole
/// host, so runtime calls get no `runtime-` prefix and S3 is addressed path-style (`/bucket/key`).
///
/// | API | default |
/// |---|---|
/// | `.medicalImaging` | `https://medical-imaging.{region}.amazonaws.com` |
/// | `.medicalImagingRuntime` | `https://runtime-medical-imaging.{region}.amazonaws.com` |
/// | `.dicomWeb` | `https://dicom-medical-imaging.{region}.amazonaws.com` |
/// | `.s3` | `https://s3.{region}.amazonaws.com` |
public enum EndpointResolver {
    public static func resolve(
        _ api: ServiceAPI, region: String, environment: [String: String]
    ) throws(EndpointError) -> Endpoint {
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() != "true" {
            for variable in [api.overrideVariable, "AWS_ENDPOINT_URL"] {
                if let value = environment[variable], !value.isEmpty {
                    return try parseOverride(value, variable: variable, service: api.signingService)
                }
            }
        }
        guard isValidRegion(region) else { throw .invalidRegion(region) }
        return Endpoint(scheme: "https", host: api.defaultHost(region: region), signingService: api.signingService)
    }

    /// `http(s)://host[:port][/base/path]`, host possibly a bracketed IPv6 address. No user info, query or
    /// fragment: none of them has a meaning for an endpoint, and user info would be a credential.
    static func parseOverride(
        _ value: String, variable: String, service: SigningService
    ) throws(EndpointError) -> Endpoint {
        func invalid(_ reason: String) -> EndpointError { .invalidOverride(variable: variable, reason: reason) }
        guard let schemeEnd = value.range(of: "://") else { throw invalid("no scheme") }
        let scheme = value[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid("the scheme is not http or https") }
        let rest = value[schemeEnd.upperBound...]
        guard !rest.contains("?"), !rest.contains("#") else { throw invalid("it has a query or fragment") }
        let authority = rest.prefix { $0 != "/" }
        guard !authority.contains("@") else { throw invalid("it has user info") }
        var basePath = String(rest.dropFirst(authority.count))
        while basePath.hasSuffix("/") { basePath.removeLast() }

        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("an IPv6 address lacks its ]") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw invalid("text follows the IPv6 address") }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw invalid("it has no host") }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw invalid("the port is not 1-65535")
            }
            port = number
        }
        return Endpoint(
            scheme: scheme, host: String(host), port: port, basePath: basePath, signingService: service,
            isOverride: true)
    }

    /// A DNS label, as botocore's `validate_region_name` requires.
    static func isValidRegion(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy {
            URIEncoding.isUnreserved($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "_")
                && $0 != UInt8(ascii: "~")
        }
    }
}

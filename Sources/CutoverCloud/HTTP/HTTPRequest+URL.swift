import Foundation

extension HTTPRequest {
    /// Builds a request from a Foundation `URL`, for callers that assemble URLs with `URLComponents`.
    public init(
        _ method: HTTPMethod, _ url: URL, headers: HTTPHeaders = [:], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), range: HTTPByteRange? = nil,
        decodeContentEncoding: Bool = false
    ) {
        self.init(
            method, url.absoluteString, headers: headers, body: body, timeout: timeout,
            connectTimeout: connectTimeout, range: range, decodeContentEncoding: decodeContentEncoding)
    }
}

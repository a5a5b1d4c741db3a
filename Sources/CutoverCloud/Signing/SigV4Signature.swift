/// What signing produced: the headers to send, and the intermediate texts for tests and debugging.
///
/// `description` shows only the signed header names and the signature; the `authorization` and
/// `x-amz-security-token` values are left out so a logged signature never carries a token.
public struct SigV4Signature: Sendable, Hashable, CustomStringConvertible {
    /// Lowercased names: `x-amz-date`, then `x-amz-security-token` when there is a session token, then
    /// `x-amz-content-sha256` for S3, then `authorization`. `host` is not included: libcurl derives the same
    /// value (`SigningRequest.hostHeader`) from the URL.
    public let headers: [SigningRequest.Header]
    public let canonicalRequest: String
    public let stringToSign: String
    /// `host;x-amz-date`, the names that were signed.
    public let signedHeaders: String
    /// The lowercase hex signature.
    public let signature: String

    /// The `Authorization` header value.
    public var authorization: String {
        headers.first { $0.name == "authorization" }?.value ?? ""
    }

    public var description: String {
        "SigV4Signature(signedHeaders: \(signedHeaders), signature: \(signature))"
    }
}

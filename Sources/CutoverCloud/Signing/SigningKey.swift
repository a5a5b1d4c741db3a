import Crypto

/// The HMAC-SHA256 chain that turns a secret into the key for one day, region and service.
///
/// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
/// The secret lives only inside this derivation; the result is a `SymmetricKey`, which prints nothing.
struct SigningKey {
    let key: SymmetricKey

    init(secretAccessKey: String, dateStamp: String, region: String, service: String) {
        var current = SymmetricKey(data: Array("AWS4\(secretAccessKey)".utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            current = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: current)))
        }
        key = current
    }

    /// The lowercase hex HMAC of the string to sign: the `Signature=` value.
    func signature(for stringToSign: String) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }
}

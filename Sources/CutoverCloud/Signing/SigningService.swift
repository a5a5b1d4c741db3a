/// The signing name that goes into the credential scope, and whether S3's signing rules apply.
///
/// S3 differs from every other service in ways that change the signature: the path is signed exactly as sent
/// (no second encoding, no dot-segment removal), and the payload hash is also sent and signed as
/// `x-amz-content-sha256`. A struct rather than an enum so the official AWS test suite's `service` can be
/// signed too.
public struct SigningService: Sendable, Hashable, CustomStringConvertible {
    /// The name in the credential scope, e.g. `20150830/us-east-1/medical-imaging/aws4_request`.
    public let signingName: String

    public init(signingName: String) {
        self.signingName = signingName
    }

    /// AWS HealthImaging: control plane, runtime and DICOMweb all sign as `medical-imaging`.
    public static let medicalImaging = SigningService(signingName: "medical-imaging")
    public static let s3 = SigningService(signingName: "s3")

    public var description: String { signingName }

    var usesS3Rules: Bool { signingName == "s3" }
}

import Foundation

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`) in the `Authorization` header.
///
/// A pure function of its inputs: the time is a parameter, nothing is read from the clock, the environment or
/// the network. The rules follow botocore's `SigV4Auth` (medical-imaging) and `S3SigV4Auth` (s3), and the tests
/// compare against both.
///
///     let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: .medicalImaging)
///     let signature = signer.sign(request, at: Date())
///     // send request.url with request.headers + signature.headers
///
/// For S3 the payload is always hashed, never `UNSIGNED-PAYLOAD`: the bodies we send are small and in memory,
/// and botocore does the same for requests without a `Content-MD5` checksum, so the two agree.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: Credentials
    public var region: String
    public var service: SigningService

    public init(credentials: Credentials, region: String, service: SigningService) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` as of `time`. The result's `headers` are to be added to the request's own.
    public func sign(_ request: SigningRequest, at time: Date) -> SigV4Signature {
        sign(request, timestamp: SigV4Timestamp(time))
    }

    /// Signs `request` as of `epochSeconds` (seconds since 1970-01-01T00:00:00Z).
    public func sign(_ request: SigningRequest, epochSeconds: Int64) -> SigV4Signature {
        sign(request, timestamp: SigV4Timestamp(epochSeconds: epochSeconds))
    }

    private func sign(_ request: SigningRequest, timestamp: SigV4Timestamp) -> SigV4Signature {
        let payloadHash = Hex.sha256(request.body)
        var added = [SigningRequest.Header("x-amz-date", timestamp.amzDate)]
        if let token = credentials.sessionToken {
            added.append(SigningRequest.Header("x-amz-security-token", token))
        }
        if service.usesS3Rules {
            added.append(SigningRequest.Header("x-amz-content-sha256", payloadHash))
        }
        let canonical = CanonicalRequest(
            request: request, service: service, signerHeaders: added, payloadHash: payloadHash)
        let scope = "\(timestamp.dateStamp)/\(region)/\(service.signingName)/aws4_request"
        let stringToSign = [Self.algorithm, timestamp.amzDate, scope, Hex.sha256(Array(canonical.text.utf8))]
            .joined(separator: "\n")
        let signature = SigningKey(
            secretAccessKey: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region,
            service: service.signingName
        ).signature(for: stringToSign)
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            headers: added + [SigningRequest.Header("authorization", authorization)],
            canonicalRequest: canonical.text, stringToSign: stringToSign, signedHeaders: canonical.signedHeaders,
            signature: signature)
    }
}

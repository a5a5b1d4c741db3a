import Foundation

/// An error answer from an AWS API (restJson1, or S3's XML `<Error>`): the HTTP status, the error name from `x-amzn-ErrorType` (or the
/// body's `__type`/`code`), and the service's message. Never carries request headers or credentials.
public struct AWSServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    public var operation: String
    public var status: Int
    public var code: String
    public var message: String
    /// `host:port` of the endpoint that answered, when the error came from the wire: the sentence names it.
    public var endpoint: String?

    public init(operation: String, status: Int, code: String, message: String, endpoint: String? = nil) {
        self.operation = operation
        self.status = status
        self.code = code
        self.message = Self.firstParagraph(message)
        self.endpoint = endpoint
    }

    /// A failed signature's message goes on, after a blank line, with the canonical request and the string to
    /// sign, which hold the signed header values — the session token among them. Only the sentence before is
    /// kept, so the error can be printed and stored.
    static func firstParagraph(_ message: String) -> String {
        var text = Substring(message)
        for marker in ["\n\n", "\r\n\r\n", "The Canonical String", "The String-to-Sign"] {
            if let range = text.range(of: marker) { text = text[..<range.lowerBound] }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Throttling and server errors are worth another try after a pause; the rest are answers.
    public var isRetryable: Bool {
        status == 429 || status >= 500 || code == "ThrottlingException" || code == "InternalServerException"
    }

    public var description: String {
        if code == "MalformedResponse" {
            return "\(operation) got an unreadable answer\(endpoint.map { " from \($0)" } ?? ""): \(message)"
        }
        var text = "\(operation) was refused\(endpoint.map { " by \($0)" } ?? ""): \(code) (HTTP \(status))"
        // S3 messages end in a full stop; the hint below continues the sentence.
        let message = message.hasSuffix(".") ? String(message.dropLast()) : message
        if !message.isEmpty { text += ": \(message)" }
        switch code {
        case "InvalidSignatureException", "UnrecognizedClientException", "ExpiredTokenException",
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "RequestTimeTooSkewed":
            text += "; check the AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID) and the clock"
        case "AccessDeniedException":
            text += "; the credentials lack permission for medical-imaging:\(operation)"
        case "AccessDenied":
            text += "; the credentials lack permission for \(operation) in this bucket"
        default:
            break
        }
        return text
    }

    /// The error name as botocore reads it: `x-amzn-ErrorType` without anything after `:`, or the body's
    /// `__type`/`code` without a namespace before `#`.
    static func name(header: String?, bodyType: String?) -> String {
        if let header, !header.isEmpty { return String(header.split(separator: ":", maxSplits: 1)[0]) }
        guard let bodyType, !bodyType.isEmpty else { return "UnknownError" }
        return bodyType.split(separator: "#").last.map(String.init) ?? bodyType
    }
}

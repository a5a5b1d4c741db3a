import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads S3's error answer, `<Error><Code>NoSuchKey</Code><Message>…</Message>…</Error>`, into an
/// `AWSServiceError`. Only `Code` and `Message` are kept: `SignatureDoesNotMatch` answers also carry the
/// string to sign and the canonical request, which have no place in a message.
public enum S3ErrorDocument {
    /// The error for an answer with `status`; a body that is not an error document (a `HEAD`, a proxy's HTML
    /// page) gives a code from the status alone.
    public static func error(operation: String, status: Int, body: [UInt8]) -> AWSServiceError {
        let fields = parse(body)
        let code = fields?.code ?? fallbackCode(status)
        return AWSServiceError(operation: operation, status: status, code: code, message: fields?.message ?? "")
    }

    /// `Code` and `Message` of an `<Error>` document, or nil when `body` is not one.
    public static func parse(_ body: [UInt8]) -> (code: String, message: String)? {
        guard !body.isEmpty else { return nil }
        let delegate = Delegate()
        let parser = XMLParser(data: Data(body))
        parser.delegate = delegate
        guard parser.parse(), delegate.isError, let code = delegate.code, !code.isEmpty else { return nil }
        return (code, delegate.message ?? "")
    }

    static func fallbackCode(_ status: Int) -> String {
        switch status {
        case 301, 307: "PermanentRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 503: "SlowDown"
        default: "UnknownError"
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var isError = false
        var code: String?
        var message: String?
        private var depth = 0
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if depth == 0 { isError = name == "Error" }
            depth += 1
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depth == 2, name == "Code" { code = text }
            if depth == 2, name == "Message" { message = text }
            depth -= 1
            text = ""
        }
    }
}

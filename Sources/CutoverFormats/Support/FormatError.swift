/// A document that could not be turned into a domain value.
///
/// `reason` is one plain sentence that names the field, never its value: result lines and events can carry
/// file names and other text that may identify a patient, and these messages end up in logs and on screens.
public struct FormatError: Error, Equatable, Sendable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public init(reason: String) {
        self.reason = reason
    }

    /// Wraps a parse failure of the document called `document` (for example `"job-output-manifest.json"`).
    public init(parsing error: JSONParseError, document: String) {
        self.reason =
            error.isTruncated
            ? "\(document) ended before its JSON was complete"
            : "\(document) is not valid JSON: \(error.reason) at byte \(error.offset)"
    }
}

extension FormatError: CustomStringConvertible {
    public var description: String { reason }
}

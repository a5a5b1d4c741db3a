import CutoverCore

/// One line of `success.ndjson`, `warning.ndjson` or `failure.ndjson` (reference §1.3–§1.5) to a ``ResultLine``.
///
/// Only `inputFile` is required: it is the key that ties a result to a source file. Everything else is
/// optional because the three files carry different parts and the documentation is thin on which.
///
/// ```swift
/// let line = try ResultLineDecoder.decode(value, outcome: .warning)
/// line.warnings.map(\.code)  // [45312, 45570]
/// ```
public enum ResultLineDecoder {
    public static func decode(_ value: JSONValue, outcome: Outcome) throws(FormatError) -> ResultLine {
        guard case .object = value else { throw FormatError("a result line must be a JSON object") }
        guard let inputFile = value["inputFile"]?.nonEmptyString else {
            throw FormatError("the result line has no inputFile string")
        }
        var line = ResultLine(inputFile: inputFile, outcome: outcome)
        if let response = value["importResponse"] {
            line.imageSetId = response["imageSetId"]?.nonEmptyString ?? response["imagesetId"]?.nonEmptyString
            line.isPrimary = response["isPrimary"]?.lenientBool
            line.imageSetVersion = response["imageSetVersion"]?.int
            line.warnings = response["warnings"]?.array?.map(warning) ?? []
        }
        if let exception = value["exception"] {
            line.exceptionType = exception["exceptionType"]?.string
            line.message = exception["message"]?.string
        }
        return line
    }

    /// A warning entry. The code is keyed on, not `type`, whose spelling varies (reference §1.5). An entry that
    /// is not an object is still counted, so a warning is never silently dropped.
    private static func warning(_ entry: JSONValue) -> ImportWarning {
        guard case .object = entry else { return ImportWarning(code: nil, message: entry.string) }
        return ImportWarning(
            code: entry["warning_reason_code"]?.int, type: entry["type"]?.string, message: entry["message"]?.string)
    }
}

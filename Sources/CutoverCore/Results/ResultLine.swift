/// One line of `success.ndjson`, `warning.ndjson` or `failure.ndjson`, fully decoded.
public struct ResultLine: Equatable, Sendable {
    public var inputFile: String
    public var outcome: Outcome
    public var imageSetId: String?
    public var isPrimary: Bool?
    public var imageSetVersion: Int?
    public var warnings: [ImportWarning]
    public var exceptionType: String?
    public var message: String?

    public init(
        inputFile: String, outcome: Outcome, imageSetId: String? = nil, isPrimary: Bool? = nil,
        imageSetVersion: Int? = nil, warnings: [ImportWarning] = [], exceptionType: String? = nil,
        message: String? = nil
    ) {
        self.inputFile = inputFile
        self.outcome = outcome
        self.imageSetId = imageSetId
        self.isPrimary = isPrimary
        self.imageSetVersion = imageSetVersion
        self.warnings = warnings
        self.exceptionType = exceptionType
        self.message = message
    }
}

/// `importResponse.warnings[]`: `warning_reason_code`, `type`, `message`.
public struct ImportWarning: Equatable, Sendable {
    public var code: Int?
    public var type: String?
    public var message: String?

    public init(code: Int?, type: String? = nil, message: String? = nil) {
        self.code = code
        self.type = type
        self.message = message
    }
}

/// Why an NDJSON line is not a flat JSON object, as the sentence reported for its line.
struct JSONSyntaxError: Error, Equatable {
    var reason: String

    /// A syntax error seen at the 1-based byte `column` of the line.
    init(column: Int, problem: String) {
        reason = "the line is not valid JSON: \(problem) at column \(column)"
    }

    private init(reason: String) {
        self.reason = reason
    }

    /// Valid JSON perhaps, but an array, a string or a number where each line must hold one object.
    static let notAnObject = JSONSyntaxError(reason: "the line is not a JSON object")
}

/// One checklist line of a region profile that a named person must attest.
public struct ObligationItem: Equatable, Sendable {
    /// Short kebab-case id typed on the command line: `cutover attest COHORT irap-scope`.
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

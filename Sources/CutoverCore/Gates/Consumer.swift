/// Something downstream that must read the migrated pixels: a viewer, a workstation or an AI pipeline.
public struct Consumer: Equatable, Sendable {
    public var name: String
    /// `viewer`, `workstation` or `ai`; free text so the config can name other kinds.
    public var kind: String
    /// Transfer syntax UIDs this consumer can decode.
    public var decodes: Set<String>

    public init(name: String, kind: String, decodes: Set<String>) {
        self.name = name
        self.kind = kind
        self.decodes = decodes
    }
}

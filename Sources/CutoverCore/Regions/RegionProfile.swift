/// The regional and downstream obligations a cohort must meet before cutover (product §4).
public struct RegionProfile: Equatable, Sendable {
    public var id: String
    public var name: String
    /// `nil`: any region. An empty set allows none, so every seen region is a violation.
    public var allowedRegions: Set<String>?
    /// Attested by a person.
    public var items: [ObligationItem]
    /// Part 10 originals kept after approval, so a rollback has something to roll back to.
    public var retentionDays: Int

    public init(
        id: String, name: String, allowedRegions: Set<String>?, items: [ObligationItem], retentionDays: Int
    ) {
        self.id = id
        self.name = name
        self.allowedRegions = allowedRegions
        self.items = items
        self.retentionDays = retentionDays
    }

    /// The seen regions this profile does not allow, sorted; empty when the profile allows any region.
    public func regionsOutside(_ seen: Set<String>) -> [String] {
        guard let allowedRegions else { return [] }
        return seen.subtracting(allowedRegions).sorted()
    }
}

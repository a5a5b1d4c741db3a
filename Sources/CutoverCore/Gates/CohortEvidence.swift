/// Everything the four gates look at for one cohort, gathered by the store (values only).
public struct CohortEvidence: Equatable, Sendable {
    /// The cohort has inventory instances.
    public var inventoryLoaded: Bool
    public var jobsTotal: Int
    /// Jobs `SUBMITTED` or `IN_PROGRESS`.
    public var jobsActive: Int
    public var expected: HierarchyCounts
    /// Complete at each level, counting only success/warning results in a primary image set.
    public var importedInPrimary: HierarchyCounts
    /// Findings that still need someone: open, acknowledged or retry-queued.
    public var openFindings: [FindingKind: Int]
    public var storedSyntaxes: [StoredSyntaxCount]
    public var consumers: [Consumer]
    /// Open warning findings with codes 45328, 45329, 45330.
    public var openFrameWarnings: Int
    /// Open warning findings with codes 45312, 45344.
    public var openBlobWarnings: Int
    public var profile: RegionProfile
    /// Obligation item ids attested by a named person.
    public var attested: Set<String>
    /// AWS regions of the data stores, job/image-set ARNs and events.
    public var regionsSeen: Set<String>
    /// Imported instances whose image set metadata was read, and how many of those the metadata does not list
    /// (by SOP Instance UID): the real instance set checked against what the result files claimed.
    public var metadataChecked: Int
    public var metadataAbsent: Int

    public init(
        inventoryLoaded: Bool,
        jobsTotal: Int,
        jobsActive: Int,
        expected: HierarchyCounts,
        importedInPrimary: HierarchyCounts,
        openFindings: [FindingKind: Int] = [:],
        storedSyntaxes: [StoredSyntaxCount] = [],
        consumers: [Consumer] = [],
        openFrameWarnings: Int = 0,
        openBlobWarnings: Int = 0,
        profile: RegionProfile,
        attested: Set<String> = [],
        regionsSeen: Set<String> = [],
        metadataChecked: Int = 0,
        metadataAbsent: Int = 0
    ) {
        self.inventoryLoaded = inventoryLoaded
        self.jobsTotal = jobsTotal
        self.jobsActive = jobsActive
        self.expected = expected
        self.importedInPrimary = importedInPrimary
        self.openFindings = openFindings
        self.storedSyntaxes = storedSyntaxes
        self.consumers = consumers
        self.openFrameWarnings = openFrameWarnings
        self.openBlobWarnings = openBlobWarnings
        self.profile = profile
        self.attested = attested
        self.regionsSeen = regionsSeen
        self.metadataChecked = metadataChecked
        self.metadataAbsent = metadataAbsent
    }

    /// The open count of one finding kind, zero when absent.
    public func open(_ kind: FindingKind) -> Int { openFindings[kind] ?? 0 }
}

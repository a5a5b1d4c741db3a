/// How many series and instances a PACS holds for one study.
public struct PacsStudyCount: Equatable, Sendable {
    public var studyInstanceUID: String
    public var series: Int64
    public var instances: Int64

    public init(studyInstanceUID: String, series: Int64, instances: Int64) {
        self.studyInstanceUID = studyInstanceUID
        self.series = series
        self.instances = instances
    }
}

/// One study whose counts differ between the PACS and the inventory; nil counts mean the side lacks the study.
public struct PacsStudyDifference: Equatable, Sendable {
    public var studyInstanceUID: String
    public var pacs: LevelCounts?
    public var inventory: LevelCounts?

    public init(studyInstanceUID: String, pacs: LevelCounts?, inventory: LevelCounts?) {
        self.studyInstanceUID = studyInstanceUID
        self.pacs = pacs
        self.inventory = inventory
    }
}

/// The PACS's counts for a source set against the inventory, study by study.
///
/// This is the evidence the `hierarchy` gate can use to tell "the inventory is short of what the PACS holds"
/// from "the import is short of the inventory".
public struct PacsComparison: Equatable, Sendable {
    public var source: String
    /// When the source was last counted; nil when it never was.
    public var fetchedAt: Double?
    public var pacs: LevelCounts
    public var inventory: LevelCounts
    /// Studies in both with the same series and instance counts.
    public var matchingStudies: Int64
    /// Every study that differs, by UID.
    public var differences: [PacsStudyDifference]

    public init(
        source: String, fetchedAt: Double?, pacs: LevelCounts, inventory: LevelCounts, matchingStudies: Int64,
        differences: [PacsStudyDifference]
    ) {
        self.source = source
        self.fetchedAt = fetchedAt
        self.pacs = pacs
        self.inventory = inventory
        self.matchingStudies = matchingStudies
        self.differences = differences
    }

    /// In the PACS but not in the inventory: not sent yet, or the inventory is incomplete.
    public var onlyInPacs: [PacsStudyDifference] { differences.filter { $0.inventory == nil } }
    /// In the inventory but not in the PACS: from another source, or deleted from the PACS since.
    public var onlyInInventory: [PacsStudyDifference] { differences.filter { $0.pacs == nil } }
    /// In both, with different series or instance counts.
    public var countDifferences: [PacsStudyDifference] { differences.filter { $0.pacs != nil && $0.inventory != nil } }
}

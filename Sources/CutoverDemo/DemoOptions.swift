/// What to generate. The seed makes every id, name, outcome and time reproducible; the scale picks the size.
public struct DemoOptions: Sendable {
    public var seed: UInt64
    public var scale: DemoScale
    /// Simulated start of the migration, epoch seconds. The CLI passes "now" for a live replay.
    public var startEpoch: Double

    public init(seed: UInt64 = 42, scale: DemoScale = .demo, startEpoch: Double = 1_795_766_400) {
        self.seed = seed
        self.scale = scale
        self.startEpoch = startEpoch
    }
}

public enum DemoScale: Sendable, Equatable {
    /// About 240 jobs of 50 to 5,000 files, about 100,000 result lines; one job is left IN_PROGRESS forever.
    case demo
    /// About `resultLines` result lines in job folders of up to 5,000 files, every job finished: a load test
    /// for ingestion rather than a story to watch.
    case bench(resultLines: Int)
}

/// The knobs that differ between the two scales.
struct ScaleProfile {
    var totalInstances: Int
    var isBench: Bool
    /// AHI refuses jobs over 10 GB; demo batches respect it. Bench batches are filled to 5,000 files
    /// regardless, so that the folder count is predictable (about resultLines / 5,000).
    var maxBatchBytes: Int64
    var resendStudies: Int
    var hasStalledJob: Bool

    static let maxBatchFiles = 5_000
    /// Operators do not start a job for a handful of files; a batch is topped up to at least this many.
    static let minBatchFiles = 50

    init(_ scale: DemoScale) {
        switch scale {
        case .demo:
            totalInstances = 100_000
            isBench = false
            maxBatchBytes = 10_000_000_000
            resendStudies = 6
            hasStalledJob = true
        case .bench(let lines):
            totalInstances = max(lines, 400)
            isBench = true
            maxBatchBytes = .max
            resendStudies = min(30, max(4, lines / 80_000))
            hasStalledJob = false
        }
    }

    func batchTarget(_ profile: CohortProfile, _ rng: inout DemoRandom) -> Int {
        isBench ? Self.maxBatchFiles : max(Self.minBatchFiles, rng.skewed(profile.demoBatchFiles))
    }
}

/// The whole migration, computed up front from the options: archive structure, jobs and their times, events
/// and where each event is delivered. Per-instance facts are not stored; they are derived on demand from
/// series records and indices, which keeps a million-instance plan to a few megabytes.
public struct DemoPlan: Sendable {
    let seed: UInt64
    let startMs: Int64
    var endMs: Int64 = 0
    let datastore: String
    let account: String
    /// A seed-derived UID component, so two seeds never share UIDs.
    let uidTag: Int
    let cohorts: [CohortProfile] = CohortProfile.all
    var batches: [PlannedBatch] = []
    var studies: [PlannedStudy] = []
    var series: [PlannedSeries] = []
    /// In submission order; a job's index is its position here.
    var jobs: [PlannedJob] = []
    /// In time order.
    var events: [PlannedEvent] = []
    var deliveries = EventDeliveries()

    static let inputBucket = "st-elsewhere-ahi-input"
    static let outputBucket = "st-elsewhere-ahi-output"
    static let region = "ap-southeast-2"
    static let uidRoot = "1.2.826.0.1.3680043.10.543."

    init(_ options: DemoOptions) {
        seed = options.seed
        startMs = Int64((options.startEpoch * 1000).rounded(.down))
        datastore = DemoIdentifiers.hex32(options.seed, .datastore, 0)
        account = String(100_000_000_000 + Int(DemoHash.of(options.seed, .account) % 899_999_999_999))
        uidTag = 1 + Int(DemoHash.of(options.seed, .uidRoot) % 99_999_999)
    }

    var instanceCount: Int { series.last.map { $0.firstInstance + Int($0.count) } ?? 0 }

    var roleArn: String { "arn:aws:iam::\(account):role/StElsewhereAhiImportRole" }
    var datastoreArn: String { "arn:aws:medical-imaging:\(Self.region):\(account):datastore/\(datastore)" }
}

extension DemoPlan {
    public var startEpoch: Double { Double(startMs) / 1000 }
    /// When nothing changes any more: every job but the stalled one has finished and every event has been
    /// delivered (the last Firehose object lands a few seconds after the last job ends).
    public var endEpoch: Double { Double(endMs) / 1000 }
    public var datastoreId: String { datastore }
    public var cohortNames: [String] { cohorts.map(\.name) }
    /// Import jobs over the whole migration, the FAILED and the stalled one included.
    public var jobCount: Int { jobs.count }
    /// Rows of the source inventory.
    public var sourceInstanceCount: Int { instanceCount }
}

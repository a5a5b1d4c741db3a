/// One EventBridge event of the migration (reference §3).
struct PlannedEvent: Sendable {
    enum Kind: UInt8, Sendable {
        case jobSubmitted, jobInProgress, jobCompleted, jobFailed, imageSetCreated, imageSetUpdated

        var detailType: String {
            switch self {
            case .jobSubmitted: "Import Job Submitted"
            case .jobInProgress: "Import Job In Progress"
            case .jobCompleted: "Import Job Completed"
            case .jobFailed: "Import Job Failed"
            case .imageSetCreated: "Image Set Created"
            case .imageSetUpdated: "Image Set Updated"
            }
        }

        var isImageSetEvent: Bool { self == .imageSetCreated || self == .imageSetUpdated }
    }

    var kind: Kind
    var timeMs: Int64
    var job: Int32
    /// The study whose image set the event is about; -1 for job events.
    var study: Int32 = -1
    var imageSetVersion: Int = 1
    var isPrimary: Bool = true
    /// Creation order; the event id derives from it.
    var sequence: Int = 0
    var id: String = ""
    /// The docs' spelling `imagesetId` instead of `imageSetId` (reference §3.3: decode both).
    var lowercaseImagesetKey = false
    /// Leaves out `isPrimary` and `imageSetVersion`, like the October 2024 capture.
    var omitsOptionalFields = false
}

extension DemoPlan {
    mutating func planEvents() {
        var list: [PlannedEvent] = []
        for job in jobs {
            let j = Int32(job.index)
            list.append(PlannedEvent(kind: .jobSubmitted, timeMs: job.submittedMs, job: j))
            list.append(PlannedEvent(kind: .jobInProgress, timeMs: job.startedMs, job: j))
            switch job.kind {
            case .regular, .retry: list.append(PlannedEvent(kind: .jobCompleted, timeMs: job.endedMs, job: j))
            case .failed: list.append(PlannedEvent(kind: .jobFailed, timeMs: job.endedMs, job: j))
            case .stalled: break
            }
            if job.kind != .failed { list += imageSetEvents(job) }
        }
        for i in list.indices { list[i].sequence = i }
        list.sort { ($0.timeMs, $0.sequence) < ($1.timeMs, $1.sequence) }
        for i in list.indices {
            let variant = DemoHash.of(seed, .eventVariant, list[i].sequence)
            list[i].id = DemoIdentifiers.uuid(seed, .event, list[i].sequence)
            if list[i].kind.isImageSetEvent {
                list[i].lowercaseImagesetKey = variant % 5 == 0
                list[i].omitsOptionalFields = list[i].isPrimary && list[i].kind == .imageSetCreated && variant % 11 == 3
            }
        }
        events = list
    }

    /// An image set appears when the job imports the first file of its study: Created for a new set,
    /// Updated (version 2) when a retry adds a series to an existing primary set.
    private func imageSetEvents(_ job: PlannedJob) -> [PlannedEvent] {
        let contents = contents(of: job)
        var firstRank: [Int32: Int] = [:]
        for rank in 0..<job.stallCount {
            let local = Int(contents.order[rank])
            guard contents.outcomes[local].isImported else { continue }
            let study = series[Int(contents.seriesOf[local])].study
            if firstRank[study] == nil { firstRank[study] = rank }
        }
        return firstRank.sorted { $0.value < $1.value }.map { study, rank in
            PlannedEvent(
                kind: job.kind == .retry ? .imageSetUpdated : .imageSetCreated, timeMs: job.visibleMs(rank: rank),
                job: Int32(job.index), study: study, imageSetVersion: job.kind == .retry ? 2 : 1,
                isPrimary: !studies[Int(study)].isResend)
        }
    }
}

// TEMPORARY: the page row contract, replaced by the real page queries at integration.
import CutoverCore

public struct PageRequest: Equatable, Sendable {
    public var filter: String
    public var sort: String?
    public var descending: Bool
    public var limit: Int
    public init(filter: String = "", sort: String? = nil, descending: Bool = false, limit: Int = 500) {
        self.filter = filter; self.sort = sort; self.descending = descending; self.limit = limit
    }
}
public struct PageSlice<Row: Equatable & Sendable>: Equatable, Sendable {
    public var rows: [Row]
    public var total: Int
    public init(rows: [Row], total: Int) { self.rows = rows; self.total = total }
}
public struct JobRow: Equatable, Sendable {
    public var jobId: String, jobName: String?, cohort: String?, status: String?, submittedAt: Double?, endedAt: Double?
    public var scanned: Int64?, imported: Int64?, customerErrors: Int64?, serverErrors: Int64?, warningLines: Int64, failureLines: Int64
    public init(jobId: String, jobName: String?, cohort: String?, status: String?, submittedAt: Double?, endedAt: Double?, scanned: Int64?, imported: Int64?, customerErrors: Int64?, serverErrors: Int64?, warningLines: Int64, failureLines: Int64) {
        self.jobId = jobId; self.jobName = jobName; self.cohort = cohort; self.status = status; self.submittedAt = submittedAt; self.endedAt = endedAt
        self.scanned = scanned; self.imported = imported; self.customerErrors = customerErrors; self.serverErrors = serverErrors; self.warningLines = warningLines; self.failureLines = failureLines
    }
}
public struct NonPrimaryRow: Equatable, Sendable {
    public var imageSetId: String, studyInstanceUID: String?, instances: Int64, jobId: String?, cohort: String?, version: Int64?, findingState: FindingState?, findingId: Int64?
    public init(imageSetId: String, studyInstanceUID: String?, instances: Int64, jobId: String?, cohort: String?, version: Int64?, findingState: FindingState?, findingId: Int64? = nil) {
        self.imageSetId = imageSetId; self.studyInstanceUID = studyInstanceUID; self.instances = instances; self.jobId = jobId; self.cohort = cohort; self.version = version; self.findingState = findingState; self.findingId = findingId
    }
}
public struct InstanceRow: Equatable, Sendable {
    public var key: String, studyInstanceUID: String?, seriesInstanceUID: String?, sopInstanceUID: String?, patientID: String?, patientName: String?, accessionNumber: String?, outcome: String
    public init(key: String, studyInstanceUID: String?, seriesInstanceUID: String?, sopInstanceUID: String?, patientID: String?, patientName: String?, accessionNumber: String?, outcome: String) {
        self.key = key; self.studyInstanceUID = studyInstanceUID; self.seriesInstanceUID = seriesInstanceUID; self.sopInstanceUID = sopInstanceUID; self.patientID = patientID; self.patientName = patientName; self.accessionNumber = accessionNumber; self.outcome = outcome
    }
}
public struct AttributeConflict: Equatable, Sendable {
    public var attribute: String, values: [String]
    public init(attribute: String, values: [String]) { self.attribute = attribute; self.values = values }
}
public struct ImageSetDetail: Equatable, Sendable {
    public var imageSetId: String, instances: [InstanceRow], conflicts: [AttributeConflict]
    public init(imageSetId: String, instances: [InstanceRow], conflicts: [AttributeConflict]) { self.imageSetId = imageSetId; self.instances = instances; self.conflicts = conflicts }
}
public struct WarningGroupRow: Equatable, Sendable {
    public var code: Int, instances: Int64, studies: Int64, open: Int64, acknowledged: Int64, waived: Int64, resolved: Int64
    public init(code: Int, instances: Int64, studies: Int64, open: Int64, acknowledged: Int64, waived: Int64, resolved: Int64) {
        self.code = code; self.instances = instances; self.studies = studies; self.open = open; self.acknowledged = acknowledged; self.waived = waived; self.resolved = resolved
    }
}
public struct WarningInstanceRow: Equatable, Sendable {
    public var findingId: Int64, key: String, studyInstanceUID: String?, message: String?, state: FindingState
    public init(findingId: Int64, key: String, studyInstanceUID: String?, message: String?, state: FindingState) {
        self.findingId = findingId; self.key = key; self.studyInstanceUID = studyInstanceUID; self.message = message; self.state = state
    }
}
public struct EventRow: Equatable, Sendable {
    public var seq: Int64, epoch: Double?, time: String, detailType: String, jobId: String?, imageSetId: String?, status: String?, isPrimary: Bool?
    public init(seq: Int64, epoch: Double?, time: String, detailType: String, jobId: String?, imageSetId: String?, status: String?, isPrimary: Bool?) {
        self.seq = seq; self.epoch = epoch; self.time = time; self.detailType = detailType; self.jobId = jobId; self.imageSetId = imageSetId; self.status = status; self.isPrimary = isPrimary
    }
}

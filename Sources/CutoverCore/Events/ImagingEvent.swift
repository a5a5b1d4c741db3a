/// An EventBridge event with `source = aws.medical-imaging` (reference §3).
public struct ImagingEvent: Equatable, Sendable {
    public var id: String
    public var detailType: String
    public var source: String
    public var account: String?
    /// ISO-8601 as sent.
    public var time: String
    public var region: String?
    public var resources: [String]
    public var detail: ImagingEventDetail

    public init(
        id: String, detailType: String, source: String, account: String? = nil, time: String, region: String? = nil,
        resources: [String] = [], detail: ImagingEventDetail
    ) {
        self.id = id
        self.detailType = detailType
        self.source = source
        self.account = account
        self.time = time
        self.region = region
        self.resources = resources
        self.detail = detail
    }

    public enum Group: String, Sendable { case datastore, importJob, imageSet, other }

    public var group: Group {
        if detailType.hasPrefix("Data Store") { return .datastore }
        if detailType.hasPrefix("Import Job") { return .importJob }
        if detailType.hasPrefix("Image Set") { return .imageSet }
        return .other
    }
}

/// The `detail` object. Every field is optional; unknown keys are ignored.
public struct ImagingEventDetail: Equatable, Sendable {
    public var datastoreId: String?
    public var datastoreName: String?
    public var datastoreStatus: String?
    public var jobId: String?
    public var jobName: String?
    public var jobStatus: String?
    public var inputS3Uri: String?
    public var outputS3Uri: String?
    /// `imageSetId`, or the documented spelling `imagesetId`.
    public var imageSetId: String?
    public var isPrimary: Bool?
    /// A string in events (`"1"`), normalised to an integer.
    public var imageSetVersion: Int?
    public var imageSetState: String?
    public var imageSetWorkflowStatus: String?

    public init(
        datastoreId: String? = nil, datastoreName: String? = nil, datastoreStatus: String? = nil,
        jobId: String? = nil, jobName: String? = nil, jobStatus: String? = nil, inputS3Uri: String? = nil,
        outputS3Uri: String? = nil, imageSetId: String? = nil, isPrimary: Bool? = nil, imageSetVersion: Int? = nil,
        imageSetState: String? = nil, imageSetWorkflowStatus: String? = nil
    ) {
        self.datastoreId = datastoreId
        self.datastoreName = datastoreName
        self.datastoreStatus = datastoreStatus
        self.jobId = jobId
        self.jobName = jobName
        self.jobStatus = jobStatus
        self.inputS3Uri = inputS3Uri
        self.outputS3Uri = outputS3Uri
        self.imageSetId = imageSetId
        self.isPrimary = isPrimary
        self.imageSetVersion = imageSetVersion
        self.imageSetState = imageSetState
        self.imageSetWorkflowStatus = imageSetWorkflowStatus
    }
}

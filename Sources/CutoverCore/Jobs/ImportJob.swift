/// What one observation (an API response, an event, a job folder) says about an import job.
/// Every field but the ids is optional: each source knows a different part.
public struct ImportJobObservation: Equatable, Sendable {
    public var jobId: String
    public var datastoreId: String
    public var jobName: String?
    public var status: JobStatus?
    /// Epoch seconds.
    public var submittedAt: Double?
    /// Epoch seconds.
    public var endedAt: Double?
    public var inputS3Uri: String?
    public var outputS3Uri: String?
    public var message: String?

    public init(
        jobId: String, datastoreId: String, jobName: String? = nil, status: JobStatus? = nil,
        submittedAt: Double? = nil, endedAt: Double? = nil, inputS3Uri: String? = nil,
        outputS3Uri: String? = nil, message: String? = nil
    ) {
        self.jobId = jobId
        self.datastoreId = datastoreId
        self.jobName = jobName
        self.status = status
        self.submittedAt = submittedAt
        self.endedAt = endedAt
        self.inputS3Uri = inputS3Uri
        self.outputS3Uri = outputS3Uri
        self.message = message
    }
}

/// `job-output-manifest.json` → `jobSummary`.
public struct JobManifest: Equatable, Sendable {
    public var jobId: String
    public var datastoreId: String
    public var inputS3Uri: String?
    public var outputS3Uri: String?
    public var numberOfScannedFiles: Int
    public var numberOfImportedFiles: Int
    public var numberOfFilesWithCustomerError: Int
    public var numberOfFilesWithServerError: Int
    public var numberOfGeneratedImageSets: Int
    public var imageSets: [ManifestImageSet]

    public init(
        jobId: String, datastoreId: String, inputS3Uri: String? = nil, outputS3Uri: String? = nil,
        numberOfScannedFiles: Int = 0, numberOfImportedFiles: Int = 0, numberOfFilesWithCustomerError: Int = 0,
        numberOfFilesWithServerError: Int = 0, numberOfGeneratedImageSets: Int = 0, imageSets: [ManifestImageSet] = []
    ) {
        self.jobId = jobId
        self.datastoreId = datastoreId
        self.inputS3Uri = inputS3Uri
        self.outputS3Uri = outputS3Uri
        self.numberOfScannedFiles = numberOfScannedFiles
        self.numberOfImportedFiles = numberOfImportedFiles
        self.numberOfFilesWithCustomerError = numberOfFilesWithCustomerError
        self.numberOfFilesWithServerError = numberOfFilesWithServerError
        self.numberOfGeneratedImageSets = numberOfGeneratedImageSets
        self.imageSets = imageSets
    }
}

/// `jobSummary.imageSetsSummary[]`. `imageSetVersion` and `isPrimary` are optional (reference §1.2).
public struct ManifestImageSet: Equatable, Sendable {
    public var imageSetId: String
    public var numberOfMatchedSOPInstances: Int
    public var imageSetVersion: Int?
    public var isPrimary: Bool?

    public init(imageSetId: String, numberOfMatchedSOPInstances: Int, imageSetVersion: Int? = nil, isPrimary: Bool? = nil) {
        self.imageSetId = imageSetId
        self.numberOfMatchedSOPInstances = numberOfMatchedSOPInstances
        self.imageSetVersion = imageSetVersion
        self.isPrimary = isPrimary
    }
}

/// One source instance as the inventory knows it: what was sent (product §3). The input key is the S3
/// object key AHI will report in `inputFile`; the patient fields are PHI and are masked wherever shown.
public struct InventoryRecord: Equatable, Sendable {
    public var inputKey: String
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    public var sopClassUID: String?
    public var transferSyntaxUID: String?
    public var modality: String?
    public var numberOfFrames: Int?
    public var sizeBytes: Int64?
    public var patientID: String?
    public var patientName: String?
    public var accessionNumber: String?
    public var studyDate: String?
    public var cohort: String?

    public init(
        inputKey: String, studyInstanceUID: String, seriesInstanceUID: String, sopInstanceUID: String,
        sopClassUID: String? = nil, transferSyntaxUID: String? = nil, modality: String? = nil,
        numberOfFrames: Int? = nil, sizeBytes: Int64? = nil, patientID: String? = nil, patientName: String? = nil,
        accessionNumber: String? = nil, studyDate: String? = nil, cohort: String? = nil
    ) {
        self.inputKey = inputKey
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.sopClassUID = sopClassUID
        self.transferSyntaxUID = transferSyntaxUID
        self.modality = modality
        self.numberOfFrames = numberOfFrames
        self.sizeBytes = sizeBytes
        self.patientID = patientID
        self.patientName = patientName
        self.accessionNumber = accessionNumber
        self.studyDate = studyDate
        self.cohort = cohort
    }
}

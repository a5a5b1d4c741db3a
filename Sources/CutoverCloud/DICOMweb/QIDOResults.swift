/// A study as QIDO-RS lists it. Patient identifiers are PHI: mask them before showing.
public struct QIDOStudy: Sendable, Equatable {
    public var studyInstanceUID: String
    public var patientID: String?
    public var patientName: String?
    public var accessionNumber: String?
    public var studyDate: String?
    /// Optional in QIDO-RS responses: count by listing when absent.
    public var numberOfSeries: Int?
    public var numberOfInstances: Int?

    public init(
        studyInstanceUID: String, patientID: String? = nil, patientName: String? = nil,
        accessionNumber: String? = nil, studyDate: String? = nil, numberOfSeries: Int? = nil,
        numberOfInstances: Int? = nil
    ) {
        self.studyInstanceUID = studyInstanceUID
        self.patientID = patientID
        self.patientName = patientName
        self.accessionNumber = accessionNumber
        self.studyDate = studyDate
        self.numberOfSeries = numberOfSeries
        self.numberOfInstances = numberOfInstances
    }

    /// Nil when the data set has no StudyInstanceUID.
    public init?(_ dataset: DICOMJSONDataset) {
        guard let uid = dataset.string(.studyInstanceUID) else { return nil }
        self.init(
            studyInstanceUID: uid, patientID: dataset.string(.patientID), patientName: dataset.string(.patientName),
            accessionNumber: dataset.string(.accessionNumber), studyDate: dataset.string(.studyDate),
            numberOfSeries: dataset.int(.numberOfStudyRelatedSeries),
            numberOfInstances: dataset.int(.numberOfStudyRelatedInstances))
    }
}

/// A series of a study as QIDO-RS lists it.
public struct QIDOSeries: Sendable, Equatable {
    public var seriesInstanceUID: String
    public var modality: String?
    public var numberOfInstances: Int?

    public init(seriesInstanceUID: String, modality: String? = nil, numberOfInstances: Int? = nil) {
        self.seriesInstanceUID = seriesInstanceUID
        self.modality = modality
        self.numberOfInstances = numberOfInstances
    }

    /// Nil when the data set has no SeriesInstanceUID.
    public init?(_ dataset: DICOMJSONDataset) {
        guard let uid = dataset.string(.seriesInstanceUID) else { return nil }
        self.init(
            seriesInstanceUID: uid, modality: dataset.string(.modality),
            numberOfInstances: dataset.int(.numberOfSeriesRelatedInstances))
    }
}

/// An instance of a series as QIDO-RS lists it.
public struct QIDOInstance: Sendable, Equatable {
    public var sopInstanceUID: String
    public var sopClassUID: String?

    public init(sopInstanceUID: String, sopClassUID: String? = nil) {
        self.sopInstanceUID = sopInstanceUID
        self.sopClassUID = sopClassUID
    }

    /// Nil when the data set has no SOPInstanceUID.
    public init?(_ dataset: DICOMJSONDataset) {
        guard let uid = dataset.string(.sopInstanceUID) else { return nil }
        self.init(sopInstanceUID: uid, sopClassUID: dataset.string(.sopClassUID))
    }
}

/// The identifying attributes of one DICOM Part 10 file, as read by ``DicomHeaderReader``.
///
/// A value is `nil` when its element is absent at the top level of the data set, and `""` when the element is
/// present but empty, so a reconciliation can tell "never written" from "written blank". Text is kept as
/// stored, less trailing spaces and NULs; multiple values stay joined by backslashes.
public struct DicomHeader: Equatable, Sendable {
    /// (0002,0010) from the file meta group; `nil` when the file has no meta group or the group lacks it.
    public var transferSyntaxUID: String?
    /// (0008,0016), falling back to (0002,0002) when the data set does not carry it.
    public var sopClassUID: String?
    /// (0008,0018), falling back to (0002,0003) when the data set does not carry it.
    public var sopInstanceUID: String?
    /// (0020,000D)
    public var studyInstanceUID: String?
    /// (0020,000E)
    public var seriesInstanceUID: String?
    /// (0008,0060)
    public var modality: String?
    /// (0028,0008), an IS value; `nil` when absent, empty or not a single integer.
    public var numberOfFrames: Int?
    /// (0010,0020)
    public var patientID: String?
    /// (0010,0010)
    public var patientName: String?
    /// (0008,0050)
    public var accessionNumber: String?
    /// (0008,0020)
    public var studyDate: String?
    /// Whether the file opens with the 128-byte preamble followed by `DICM`.
    public var hasPreamble: Bool

    public init(
        transferSyntaxUID: String? = nil, sopClassUID: String? = nil, sopInstanceUID: String? = nil,
        studyInstanceUID: String? = nil, seriesInstanceUID: String? = nil, modality: String? = nil,
        numberOfFrames: Int? = nil, patientID: String? = nil, patientName: String? = nil,
        accessionNumber: String? = nil, studyDate: String? = nil, hasPreamble: Bool = false
    ) {
        self.transferSyntaxUID = transferSyntaxUID
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.modality = modality
        self.numberOfFrames = numberOfFrames
        self.patientID = patientID
        self.patientName = patientName
        self.accessionNumber = accessionNumber
        self.studyDate = studyDate
        self.hasPreamble = hasPreamble
    }
}

extension DicomHeader {
    /// The largest data set tag the header needs. Elements are stored in ascending tag order, so the scan stops at
    /// the first tag above this, long before Pixel Data (7FE0,0010).
    static let lastTag = DicomTag.numberOfFrames

    /// Keeps `value` as the field for `tag`, one of the tags ``holds(_:)`` accepts; other tags are ignored.
    mutating func store(_ value: UnsafeRawBufferPointer, for tag: UInt32) {
        switch tag {
        case DicomTag.sopClassUID: sopClassUID = HeaderText.string(value)
        case DicomTag.sopInstanceUID: sopInstanceUID = HeaderText.string(value)
        case DicomTag.studyDate: studyDate = HeaderText.string(value)
        case DicomTag.accessionNumber: accessionNumber = HeaderText.string(value)
        case DicomTag.modality: modality = HeaderText.string(value)
        case DicomTag.patientName: patientName = HeaderText.string(value)
        case DicomTag.patientID: patientID = HeaderText.string(value)
        case DicomTag.studyInstanceUID: studyInstanceUID = HeaderText.string(value)
        case DicomTag.seriesInstanceUID: seriesInstanceUID = HeaderText.string(value)
        case DicomTag.numberOfFrames: numberOfFrames = HeaderText.integer(value)
        default: break
        }
    }

    /// Whether the header keeps the data set element `tag`; asked before the value is read, so that only these
    /// values are ever loaded. Must list the same tags as ``store(_:for:)``.
    static func holds(_ tag: UInt32) -> Bool {
        switch tag {
        case DicomTag.sopClassUID, DicomTag.sopInstanceUID, DicomTag.studyDate, DicomTag.accessionNumber,
            DicomTag.modality, DicomTag.patientName, DicomTag.patientID, DicomTag.studyInstanceUID,
            DicomTag.seriesInstanceUID, DicomTag.numberOfFrames:
            return true
        default:
            return false
        }
    }

    /// The SOP UIDs of the meta group stand in for those of the data set when it lacks them or leaves them empty.
    mutating func fallBack(to meta: FileMeta) {
        if sopClassUID?.isEmpty ?? true, let metaClass = meta.mediaStorageSOPClassUID {
            sopClassUID = metaClass
        }
        if sopInstanceUID?.isEmpty ?? true, let metaInstance = meta.mediaStorageSOPInstanceUID {
            sopInstanceUID = metaInstance
        }
    }
}

/// Why a file could not be read as DICOM, as one plain sentence.
///
/// The reason names tags and byte offsets but never a value or the path, because values and folder names may
/// hold patient data; the caller already knows which file it asked for.
public struct DicomReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension DicomReadError {
    static let notDicom = DicomReadError("not a DICOM file")
    static let emptyFile = DicomReadError("the file is empty")

    static func endsInside(_ tag: UInt32) -> DicomReadError {
        DicomReadError("file ends inside element \(DicomTag.describe(tag))")
    }

    static func endsInsideHeader(at offset: Int) -> DicomReadError {
        DicomReadError("file ends inside the element header at offset \(offset)")
    }
}

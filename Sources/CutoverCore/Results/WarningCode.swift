/// The import warning codes of reference §2.1.
///
/// The documentation prints some decimals that disagree with their hex values, so more than one
/// decimal can map to one warning (45570 is ambiguous: it may mean either of two). Lookups say so.
public struct WarningCode: Equatable, Sendable {
    public var name: String
    public var meaning: String
    public var effect: String
    /// Frame-level or blob-stored: these block the `parity` gate until resolved.
    public var blocksParity: Bool

    public static func lookup(_ code: Int) -> (warning: WarningCode, ambiguous: Bool)? {
        switch code {
        case 45056: return (coercion, false)
        case 45062: return (elementsDiscarded, false)
        case 45063: return (sopClassMismatch, false)
        case 45312: return (transcoding, false)
        case 45328: return (framesExtraction, false)
        case 45329: return (frameNumberMismatch, false)
        case 45330: return (invalidOffsetTable, false)
        case 45344: return (unsupportedSyntax, false)
        case 45569: return (invalidUID, false)
        case 45570: return (invalidUID, true)
        case 45571: return (invalidValueLength, false)
        case 47513, 49151: return (other, false)
        default: return nil
        }
    }

    /// A short label for screens: the enum name, or `UNKNOWN` with the raw code.
    public static func label(_ code: Int) -> String {
        guard let (warning, ambiguous) = lookup(code) else { return "UNKNOWN" }
        return ambiguous ? "\(warning.name)?" : warning.name
    }

    static let coercion = WarningCode(
        name: "COERCION_OF_DATA_ELEMENTS", meaning: "data elements were modified on ingestion", effect: "none",
        blocksParity: false)
    static let elementsDiscarded = WarningCode(
        name: "ELEMENTS_DISCARDED", meaning: "some data elements were dropped", effect: "none", blocksParity: false)
    static let sopClassMismatch = WarningCode(
        name: "SOP_CLASS_DATA_MISMATCH", meaning: "data set breaks its SOP class constraints", effect: "none",
        blocksParity: false)
    static let transcoding = WarningCode(
        name: "TRANSCODING_EXCEPTION", meaning: "pixel data could not be transcoded; stored as a blob",
        effect: "blob only, retrievable in stored format", blocksParity: true)
    static let framesExtraction = WarningCode(
        name: "FRAMES_EXTRACTION_FAILURE", meaning: "frames could not be parsed out of pixel data",
        effect: "frames not retrievable; whole instance only", blocksParity: true)
    static let frameNumberMismatch = WarningCode(
        name: "FRAME_NUMBER_MISMATCH", meaning: "NumberOfFrames differs from the fragment count",
        effect: "frames not retrievable; whole instance only", blocksParity: true)
    static let invalidOffsetTable = WarningCode(
        name: "INVALID_OFFSET_TABLE", meaning: "fragment offset table does not match frame lengths",
        effect: "frames not retrievable; whole instance only", blocksParity: true)
    static let unsupportedSyntax = WarningCode(
        name: "UNSUPPORTED_TRANSFER_SYNTAX", meaning: "unsupported transfer syntax; stored as a blob",
        effect: "blob only, retrievable in stored format", blocksParity: true)
    static let invalidUID = WarningCode(
        name: "INVALID_UID_FORMAT", meaning: "a UID breaks its value representation", effect: "none",
        blocksParity: false)
    static let invalidValueLength = WarningCode(
        name: "INVALID_DICOM_VALUE_LENGTH", meaning: "an element is longer than its VR allows",
        effect: "some fields may not be searchable", blocksParity: false)
    static let other = WarningCode(
        name: "OTHER", meaning: "a warning with no specific code", effect: "treat as malformed", blocksParity: false)
}

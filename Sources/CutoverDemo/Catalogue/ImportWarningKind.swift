import CutoverCore

/// The warning codes the demo emits (reference §2.1), with the `type` and `message` texts of warning lines.
enum ImportWarningKind: Int, CaseIterable, Sendable {
    case coercion = 45056
    case transcoding = 45312
    case framesExtraction = 45328
    case frameNumberMismatch = 45329
    case invalidOffsetTable = 45330
    case unsupportedSyntax = 45344
    case invalidUIDFormat = 45570

    var code: Int { rawValue }

    /// PascalCase of the core's enum name, as in the docs' one example (`InvalidOffsetTable`).
    var type: String {
        DemoText.pascalCase(WarningCode.lookup(code)?.warning.name ?? "OTHER")
    }

    var message: String {
        switch self {
        case .coercion:
            "The file was imported but one or more data elements were coerced to conform to their value representation."
        case .transcoding: "Pixel data could not be transcoded and was stored as a blob."
        case .framesExtraction:
            "The file was imported but frames could not be extracted from the pixel data; retrieve the whole instance."
        case .frameNumberMismatch:
            "The file was imported but NumberOfFrames does not match the number of pixel data fragments."
        case .invalidOffsetTable:
            "The file was imported but contains an invalid offset table, may see issues when retrieving certain frames."
        case .unsupportedSyntax:
            "The transfer syntax is not supported for transcoding; pixel data was stored as a blob."
        case .invalidUIDFormat: "One or more UID elements violate the DICOM value representation."
        }
    }

    var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }
}

/// The warnings of one instance, as a bit set so a million outcomes stay small.
struct WarningSet: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(_ kind: ImportWarningKind) { rawValue = kind.bit }

    /// In code order, which is the order they are written in a warning line.
    var kinds: [ImportWarningKind] { ImportWarningKind.allCases.filter { rawValue & $0.bit != 0 } }
}

/// Why a file was rejected (`failure.ndjson`). Only `ValidationException` with "DICOM attribute … does not
/// exist" messages is attested (reference §2.2), so the demo keeps to those forms.
enum FailureReason: UInt8, CaseIterable, Sendable {
    case missingTransferSyntax, missingAttributes, missingSOPInstanceUID, missingStudyInstanceUID

    var exceptionType: String { "ValidationException" }

    var message: String {
        switch self {
        case .missingTransferSyntax: "DICOM attribute TransferSyntaxUID does not exist"
        case .missingAttributes: "DICOM attributes does not exist"
        case .missingSOPInstanceUID: "DICOM attribute SOPInstanceUID does not exist"
        case .missingStudyInstanceUID: "DICOM attribute StudyInstanceUID does not exist"
        }
    }
}

import CutoverCore
import Testing

struct StoredSyntaxTests {
    static let htj2kRPCL = "1.2.840.10008.1.2.4.202"
    static let jpeg2000Lossless = "1.2.840.10008.1.2.4.90"
    static let segmentation = "1.2.840.10008.5.1.4.1.1.66.4"
    static let ctImage = "1.2.840.10008.5.1.4.1.1.2"

    /// Reference §5.2, transcoded table, written out rather than taken from the code under test.
    static let transcoded = [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
        "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93",
        "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.5",
    ]

    /// Reference §5.2, kept table.
    static let kept = [
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.203", "1.2.840.10008.1.2.4.100",
        "1.2.840.10008.1.2.4.100.1", "1.2.840.10008.1.2.4.101", "1.2.840.10008.1.2.4.101.1",
        "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.102.1", "1.2.840.10008.1.2.4.103",
        "1.2.840.10008.1.2.4.103.1", "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.104.1",
        "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.105.1", "1.2.840.10008.1.2.4.106",
        "1.2.840.10008.1.2.4.106.1", "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108",
    ]

    static let formats = [("HTJ2K", htj2kRPCL), ("JPEG_2000_LOSSLESS", jpeg2000Lossless)]

    @Test(arguments: transcoded, formats)
    func transcodedSyntaxBecomesTheStorageFormat(_ source: String, _ format: (String, String)) {
        #expect(
            StoredSyntax.predict(source: source, sopClassUID: Self.ctImage, losslessStorageFormat: format.0) == format.1
        )
        #expect(StoredSyntax.disposition(source: source, sopClassUID: Self.ctImage) == .transcoded)
    }

    @Test(arguments: kept, formats)
    func keptSyntaxStaysAsItIs(_ source: String, _ format: (String, String)) {
        #expect(
            StoredSyntax.predict(source: source, sopClassUID: Self.ctImage, losslessStorageFormat: format.0) == source)
        #expect(StoredSyntax.disposition(source: source, sopClassUID: Self.ctImage) == .kept)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String?
        var sopClass: String?
        var format: String
        var stored: String
        var disposition: StoredSyntax.Disposition
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "binary segmentation in explicit VR LE is kept", source: "1.2.840.10008.1.2.1",
            sopClass: segmentation, format: "HTJ2K", stored: "1.2.840.10008.1.2.1", disposition: .kept),
        Case(
            name: "binary segmentation is kept in a JPEG 2000 store too", source: "1.2.840.10008.1.2.1",
            sopClass: segmentation, format: "JPEG_2000_LOSSLESS", stored: "1.2.840.10008.1.2.1", disposition: .kept),
        Case(
            name: "segmentation in implicit VR LE is transcoded", source: "1.2.840.10008.1.2", sopClass: segmentation,
            format: "HTJ2K", stored: htj2kRPCL, disposition: .transcoded),
        Case(
            name: "explicit VR LE with no SOP class is transcoded", source: "1.2.840.10008.1.2.1", sopClass: nil,
            format: "HTJ2K", stored: htj2kRPCL, disposition: .transcoded),
        Case(
            name: "an unknown syntax is stored as-is as a blob", source: "1.2.3.4.5", sopClass: ctImage,
            format: "HTJ2K", stored: "1.2.3.4.5", disposition: .unsupported),
        Case(
            name: "JPEG XL is not in the table, so stored as-is", source: "1.2.840.10008.1.2.4.112", sopClass: ctImage,
            format: "JPEG_2000_LOSSLESS", stored: "1.2.840.10008.1.2.4.112", disposition: .unsupported),
        Case(
            name: "no source syntax follows implicit VR LE", source: nil, sopClass: ctImage, format: "HTJ2K",
            stored: htj2kRPCL, disposition: .transcoded),
        Case(
            name: "no source syntax in a JPEG 2000 store", source: nil, sopClass: nil, format: "JPEG_2000_LOSSLESS",
            stored: jpeg2000Lossless, disposition: .transcoded),
        Case(
            name: "an empty source syntax follows implicit VR LE", source: "", sopClass: nil, format: "HTJ2K",
            stored: htj2kRPCL, disposition: .transcoded),
        Case(
            name: "DICOM NUL padding is not part of the UID", source: "1.2.840.10008.1.2.4.50\0", sopClass: ctImage,
            format: "HTJ2K", stored: "1.2.840.10008.1.2.4.50", disposition: .kept),
        Case(
            name: "an unrecognised storage format means the HTJ2K default", source: "1.2.840.10008.1.2.5",
            sopClass: ctImage, format: "", stored: htj2kRPCL, disposition: .transcoded),
        Case(
            name: "the storage format is matched without case", source: "1.2.840.10008.1.2.5", sopClass: ctImage,
            format: "jpeg_2000_lossless", stored: jpeg2000Lossless, disposition: .transcoded),
    ]

    @Test(arguments: cases)
    func predicts(_ example: Case) {
        let stored = StoredSyntax.predict(
            source: example.source, sopClassUID: example.sopClass, losslessStorageFormat: example.format)
        #expect(stored == example.stored)
        #expect(StoredSyntax.disposition(source: example.source, sopClassUID: example.sopClass) == example.disposition)
    }
}

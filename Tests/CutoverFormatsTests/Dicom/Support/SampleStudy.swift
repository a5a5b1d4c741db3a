import CutoverFormats

/// A realistic data set for every encoding: the header's elements interleaved with the things that trip header
/// readers up — nested sequences of both length kinds holding decoy UIDs, private elements, a UN sequence of
/// undefined length, and Pixel Data followed by bytes that are not DICOM at all.
enum SampleStudy {
    static let sopClass = "1.2.840.10008.5.1.4.1.1.4"
    static let sopInstance = "1.2.826.0.1.3680043.2.1125.1.42"
    static let study = "1.2.826.0.1.3680043.2.1125.2.7"
    static let series = "1.2.826.0.1.3680043.2.1125.3.9"
    static let decoy = "9.9.9.9"

    /// What the reader must report for ``dataSet(_:)`` wrapped in a file with the given meta.
    static func expected(transferSyntax: String?, hasPreamble: Bool) -> DicomHeader {
        DicomHeader(
            transferSyntaxUID: transferSyntax, sopClassUID: sopClass, sopInstanceUID: sopInstance,
            studyInstanceUID: study, seriesInstanceUID: series, modality: "MR", numberOfFrames: 12,
            patientID: "PID-0042", patientName: "Doe^Jane", accessionNumber: "ACC77",
            studyDate: "20240131", hasPreamble: hasPreamble)
    }

    static func dataSet(_ encoding: DataSetBuilder.Encoding, pixelGarbage: Bool = true) -> [UInt8] {
        var set = DataSetBuilder(encoding)
        set.text(0x0008_0005, "CS", "ISO_IR 192")
        set.text(0x0008_0016, "UI", sopClass)
        set.text(0x0008_0018, "UI", sopInstance)
        set.text(0x0008_0020, "DA", "20240131")
        set.text(0x0008_0050, "SH", "ACC77")
        set.text(0x0008_0060, "CS", "MR")
        set.sequence(0x0008_1110, length: .undefined, items: [referencedStudy(encoding)], itemLength: .undefined)
        set.sequence(0x0008_1140, length: .defined, items: [decoys(encoding), decoys(encoding)], itemLength: .defined)
        set.text(0x0009_0010, "LO", "ACME 1.0")
        set.sequence(
            0x0009_1001, vr: "UN", length: .undefined, items: [unknownContent()], itemLength: .undefined)
        set.element(0x0009_1002, "OB", [UInt8](repeating: 0xFE, count: 300))
        set.text(0x0010_0010, "PN", "Doe^Jane")
        set.text(0x0010_0020, "LO", "PID-0042")
        set.sequence(0x0010_1002, length: .defined, items: [], itemLength: .defined)
        set.text(0x0020_000D, "UI", study)
        set.text(0x0020_000E, "UI", series)
        set.text(0x0028_0008, "IS", "12")
        set.element(0x0028_0010, "US", encoding.isLittle ? [0, 2] : [2, 0])
        set.element(0x7FE0_0010, "OW", [UInt8](repeating: 0x55, count: 64))
        if pixelGarbage {
            set.raw(Array("this is not DICOM and must never be parsed".utf8) + [0xFF, 0xFF, 0xFF, 0xFF])
        }
        return set.bytes
    }

    /// An item full of decoys, itself holding a defined-length and an undefined-length nested sequence.
    private static func referencedStudy(_ encoding: DataSetBuilder.Encoding) -> DataSetBuilder {
        var item = DataSetBuilder(encoding)
        item.text(0x0008_1150, "UI", sopClass)
        item.text(0x0008_1155, "UI", decoy)
        item.sequence(
            0x0008_1199, length: .undefined, items: [decoys(encoding), decoys(encoding)], itemLength: .undefined)
        item.sequence(0x0008_1198, length: .defined, items: [decoys(encoding)], itemLength: .undefined)
        item.sequence(0x0008_1197, length: .undefined, items: [], itemLength: .undefined)
        item.text(0x0020_000D, "UI", decoy)
        return item
    }

    private static func decoys(_ encoding: DataSetBuilder.Encoding) -> DataSetBuilder {
        var item = DataSetBuilder(encoding)
        item.text(0x0008_0018, "UI", decoy)
        item.text(0x0008_0060, "CS", "OT")
        item.text(0x0010_0020, "LO", "DECOY")
        item.text(0x0020_000D, "UI", decoy)
        item.text(0x0020_000E, "UI", decoy)
        item.text(0x0028_0008, "IS", "99")
        return item
    }

    /// The content of a UN element of undefined length: always implicit VR little endian, with its own nesting.
    private static func unknownContent() -> DataSetBuilder {
        var item = decoys(.implicitLittle)
        item.sequence(0x0009_1003, length: .undefined, items: [decoys(.implicitLittle)], itemLength: .undefined)
        item.sequence(0x0009_1004, length: .undefined, items: [], itemLength: .defined)
        return item
    }
}

extension DicomHeaderReader {
    /// Reads from an array, as the tests hold files.
    static func read(_ bytes: [UInt8]) throws(DicomReadError) -> DicomHeader {
        let result: Result<DicomHeader, DicomReadError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(DicomReadError) -> DicomHeader in try read(bytes: buffer) }
        }
        return try result.get()
    }
}

/// Tags as `group << 16 | element`, so that a comparison of two tags is a comparison of two integers, which is
/// also the order the standard requires elements to appear in.
enum DicomTag {
    static let fileMetaGroupLength: UInt32 = 0x0002_0000
    static let mediaStorageSOPClassUID: UInt32 = 0x0002_0002
    static let mediaStorageSOPInstanceUID: UInt32 = 0x0002_0003
    static let transferSyntaxUID: UInt32 = 0x0002_0010

    static let studyDate: UInt32 = 0x0008_0020
    static let sopClassUID: UInt32 = 0x0008_0016
    static let sopInstanceUID: UInt32 = 0x0008_0018
    static let accessionNumber: UInt32 = 0x0008_0050
    static let modality: UInt32 = 0x0008_0060
    static let patientName: UInt32 = 0x0010_0010
    static let patientID: UInt32 = 0x0010_0020
    static let studyInstanceUID: UInt32 = 0x0020_000D
    static let seriesInstanceUID: UInt32 = 0x0020_000E
    static let numberOfFrames: UInt32 = 0x0028_0008

    static let item: UInt32 = 0xFFFE_E000
    static let itemDelimiter: UInt32 = 0xFFFE_E00D
    static let sequenceDelimiter: UInt32 = 0xFFFE_E0DD

    /// Items and delimiters carry a 4-byte length and no VR even in explicit VR data sets.
    static let delimiterGroup: UInt16 = 0xFFFE

    static let undefinedLength: UInt32 = 0xFFFF_FFFF

    /// `(gggg,eeee)` in upper-case hex, the way the standard and every toolkit print tags.
    static func describe(_ tag: UInt32) -> String {
        "(\(hex4(UInt16(tag >> 16))),\(hex4(UInt16(tag & 0xFFFF))))"
    }

    private static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

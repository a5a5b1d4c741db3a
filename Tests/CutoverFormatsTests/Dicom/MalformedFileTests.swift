import Testing

@testable import CutoverFormats

/// Broken files end in one plain sentence, never a crash, a hang or a huge allocation.
struct MalformedFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var reason: String
        var testDescription: String { name }
    }

    static let meta = PartTenFile().bytes

    static func explicitFile(_ build: (inout DataSetBuilder) -> Void) -> [UInt8] {
        var set = DataSetBuilder(.explicitLittle)
        set.text(0x0008_0060, "CS", "CT")
        build(&set)
        return meta + set.bytes
    }

    static let sequenceFile = explicitFile {
        var item = DataSetBuilder(.explicitLittle)
        item.text(0x0020_000D, "UI", "1.2.3")
        $0.sequence(0x0008_1110, length: .undefined, items: [item, item], itemLength: .undefined)
        $0.text(0x0020_000D, "UI", "4.5.6")
    }

    static let cases: [Case] = [
        Case(name: "empty file", bytes: [], reason: "the file is empty"),
        Case(
            name: "text file", bytes: Array(String(repeating: "hello, world\n", count: 20).utf8),
            reason: "not a DICOM file"),
        Case(name: "five bytes", bytes: Array("hello".utf8), reason: "not a DICOM file"),
        Case(name: "preamble of zeros only", bytes: [UInt8](repeating: 0, count: 128), reason: "not a DICOM file"),
        Case(
            name: "truncated in the meta group", bytes: Array(meta[0..<(meta.count - 10)]),
            reason: "file ends inside element (0002,0012)"),
        Case(
            name: "truncated in a meta element header", bytes: Array(meta[0..<(132 + 12 + 5)]),
            reason: "file ends inside the element header at offset 144"),
        Case(
            name: "truncated inside a sequence", bytes: Array(sequenceFile[0..<(meta.count + 10 + 12 + 8 + 10)]),
            reason: "file ends inside element (0008,1110)"),
        Case(
            name: "sequence never closed", bytes: Array(sequenceFile[0..<(sequenceFile.count - 16)]),
            reason: "file ends inside element (0008,1110)"),
        Case(
            name: "needed value past the end",
            bytes: explicitFile { $0.header(0x0010_0020, "LO", length: 0xFFF0) },
            reason: "file ends inside element (0010,0020)"),
        Case(
            name: "skipped value past the end",
            bytes: explicitFile { $0.header(0x0009_1002, "OB", length: 0xFFFF_FFF0) },
            reason: "file ends inside element (0009,1002)"),
        Case(
            name: "needed value absurdly long",
            bytes: explicitFile { $0.element(0x0010_0010, "UC", [UInt8](repeating: 0x41, count: 2 << 20)) },
            reason: "element (0010,0010) is too long to be a header value"),
        Case(
            name: "item length past the end",
            bytes: explicitFile {
                $0.header(0x0008_1110, "SQ", length: 0xFFFF_FFFF)
                $0.tag(0xFFFE_E000)
                $0.uint32(0xFFFF_FFFE)
            },
            reason: "file ends inside element (0008,1110)"),
        Case(
            name: "element where an item belongs",
            bytes: explicitFile {
                $0.header(0x0008_1110, "SQ", length: 0xFFFF_FFFF)
                $0.text(0x0020_000D, "UI", "1.2")
            },
            reason: "sequence (0008,1110) holds an element that is not an item"),
        Case(
            name: "item closed by a sequence delimiter",
            bytes: explicitFile {
                $0.header(0x0008_1110, "SQ", length: 0xFFFF_FFFF)
                $0.tag(0xFFFE_E000)
                $0.uint32(0xFFFF_FFFF)
                $0.tag(0xFFFE_E0DD)
                $0.uint32(0)
            },
            reason: "an item of sequence (0008,1110) is never closed"),
        Case(
            name: "sequences nested 200 deep",
            bytes: explicitFile {
                for _ in 0..<200 {
                    $0.header(0x0008_1110, "SQ", length: 0xFFFF_FFFF)
                    $0.tag(0xFFFE_E000)
                    $0.uint32(0xFFFF_FFFF)
                }
            },
            reason: "sequences are nested deeper than 128 levels"),
        Case(
            name: "corrupt deflate stream",
            bytes: PartTenFile(transferSyntax: "1.2.840.10008.1.2.1.99").bytes + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            reason: "the deflated data set is corrupt"),
        Case(
            name: "truncated deflate stream",
            bytes: {
                let whole = PartTenFile(
                    transferSyntax: "1.2.840.10008.1.2.1.99", deflatesDataSet: true,
                    dataSet: SampleStudy.dataSet(.explicitLittle)
                ).bytes
                return Array(whole[0..<(PartTenFile(transferSyntax: "1.2.840.10008.1.2.1.99").bytes.count + 40)])
            }(),
            reason: "file ends inside the deflated data set"),
    ]

    @Test(arguments: cases)
    func failsWithAPlainReason(_ testCase: Case) {
        #expect(throws: DicomReadError(testCase.reason)) { try DicomHeaderReader.read(testCase.bytes) }
    }

    /// Reasons name tags and offsets, never values, which may be patient data.
    @Test
    func reasonNeverQuotesAValue() {
        let file = Self.explicitFile { $0.header(0x0010_0010, "PN", length: 0x00F0) } + Array("Doe^Secret".utf8)
        #expect(throws: DicomReadError("file ends inside element (0010,0010)")) { try DicomHeaderReader.read(file) }
    }

    @Test
    func deflateBombStopsAtTheLimit() throws {
        var set = DataSetBuilder(.explicitLittle)
        set.element(0x0009_1002, "OB", [UInt8](repeating: 0, count: 3 << 20))
        let compressed = Deflate.raw(set.bytes)
        try compressed.withUnsafeBytes { buffer in
            let source = try InflatingByteSource(
                compressed: MemoryByteSource(buffer: buffer), startingAt: 0, outputLimit: 1 << 20)
            #expect(throws: DicomReadError("the deflated data set inflates past 1 MiB before the header ends")) {
                _ = try source.reaches(2 << 20)
            }
        }
    }
}

import CutoverFormats
import Testing

/// Only top-level elements count; everything inside a sequence is stepped over however it is encoded.
struct SequenceSkippingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var encoding: DataSetBuilder.Encoding
        var build: @Sendable (inout DataSetBuilder) -> Void
        var testDescription: String { name }
    }

    static let study = "1.2.3.4.5"

    static func decoyItem(_ encoding: DataSetBuilder.Encoding) -> DataSetBuilder {
        var item = DataSetBuilder(encoding)
        item.text(0x0020_000D, "UI", "6.6.6")
        item.text(0x0020_000E, "UI", "6.6.6")
        return item
    }

    /// Nests `depth` undefined-length sequences, each item holding a decoy before the next level.
    static func nested(
        _ encoding: DataSetBuilder.Encoding, depth: Int, length: DataSetBuilder.Length
    ) -> DataSetBuilder {
        var item = decoyItem(encoding)
        if depth > 0 {
            item.sequence(
                0x0040_A730, length: length, items: [nested(encoding, depth: depth - 1, length: length)],
                itemLength: length)
        }
        return item
    }

    static let cases: [Case] = DataSetBuilder.Encoding.allCases.flatMap { encoding in
        [
            Case(name: "\(encoding) undefined sequence, undefined items", encoding: encoding) {
                $0.sequence(0x0008_1115, length: .undefined, items: [decoyItem(encoding)], itemLength: .undefined)
            },
            Case(name: "\(encoding) undefined sequence, defined items", encoding: encoding) {
                $0.sequence(0x0008_1115, length: .undefined, items: [decoyItem(encoding)], itemLength: .defined)
            },
            Case(name: "\(encoding) defined sequence, undefined items", encoding: encoding) {
                $0.sequence(0x0008_1115, length: .defined, items: [decoyItem(encoding)], itemLength: .undefined)
            },
            Case(name: "\(encoding) empty undefined sequence", encoding: encoding) {
                $0.sequence(0x0008_1115, length: .undefined, items: [], itemLength: .undefined)
            },
            Case(name: "\(encoding) empty undefined items", encoding: encoding) {
                let empty = DataSetBuilder(encoding)
                $0.sequence(0x0008_1115, length: .undefined, items: [empty, empty, empty], itemLength: .undefined)
            },
            Case(name: "\(encoding) twenty levels undefined", encoding: encoding) {
                $0.sequence(
                    0x0018_A001, length: .undefined, items: [nested(encoding, depth: 20, length: .undefined)],
                    itemLength: .undefined)
            },
            Case(name: "\(encoding) twenty levels defined", encoding: encoding) {
                $0.sequence(
                    0x0018_A001, length: .defined, items: [nested(encoding, depth: 20, length: .defined)],
                    itemLength: .defined)
            },
            Case(name: "\(encoding) UN of undefined length", encoding: encoding) {
                $0.text(0x0011_0010, "LO", "PRIVATE")
                $0.sequence(
                    0x0011_1010, vr: "UN", length: .undefined,
                    items: [nested(.implicitLittle, depth: 3, length: .undefined)],
                    itemLength: .undefined)
            },
            Case(name: "\(encoding) encapsulated fragments in a private element", encoding: encoding) {
                $0.text(0x0011_0010, "LO", "PRIVATE")
                var fragment = DataSetBuilder(encoding)
                fragment.raw([0xFF, 0xD8, 0xFF, 0xE0, 0xFE, 0xFF, 0xDD, 0xE0])
                $0.sequence(
                    0x0011_1011, vr: "OB", length: .undefined, items: [fragment, fragment], itemLength: .defined)
            },
        ]
    }

    @Test(arguments: cases)
    func takesOnlyTheTopLevelStudyUID(_ testCase: Case) throws {
        var set = DataSetBuilder(testCase.encoding)
        set.text(0x0008_0060, "CS", "SR")
        testCase.build(&set)
        set.text(0x0020_000D, "UI", Self.study)
        let header = try DicomHeaderReader.read(
            PartTenFile(transferSyntax: testCase.encoding.transferSyntax, dataSet: set.bytes).bytes)
        #expect(header.studyInstanceUID == Self.study)
        #expect(header.seriesInstanceUID == nil)
        #expect(header.modality == "SR")
    }

    /// A decoy after the header's last tag would be read if the sequence end were misjudged.
    @Test(arguments: DataSetBuilder.Encoding.allCases)
    func sequenceAtTheTopLevelEndIsNotMistakenForTheDataSetEnd(_ encoding: DataSetBuilder.Encoding) throws {
        var set = DataSetBuilder(encoding)
        set.text(0x0020_000D, "UI", Self.study)
        set.sequence(0x0020_1200, length: .undefined, items: [Self.decoyItem(encoding)], itemLength: .undefined)
        set.text(0x0028_0008, "IS", " 3 ")
        let header = try DicomHeaderReader.read(
            PartTenFile(transferSyntax: encoding.transferSyntax, dataSet: set.bytes).bytes)
        #expect(header.studyInstanceUID == Self.study)
        #expect(header.numberOfFrames == 3)
    }
}

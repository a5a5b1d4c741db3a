import CutoverFormats
import Testing

/// Preamble, meta group and group length may each be missing or wrong; the data set is still found.
struct FileLayoutTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: PartTenFile
        var expected: DicomHeader
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        func sample(_ encoding: DataSetBuilder.Encoding, _ change: (inout PartTenFile) -> Void) -> PartTenFile {
            var file = PartTenFile(dataSet: SampleStudy.dataSet(encoding))
            change(&file)
            return file
        }
        let implicitUID = "1.2.840.10008.1.2"
        let explicitUID = "1.2.840.10008.1.2.1"
        return [
            Case(
                name: "meta group without preamble",
                file: sample(.explicitLittle) { $0.hasPreamble = false },
                expected: SampleStudy.expected(transferSyntax: explicitUID, hasPreamble: false)),
            Case(
                name: "meta group without group length",
                file: sample(.implicitLittle) {
                    $0.hasGroupLength = false
                    $0.transferSyntax = implicitUID
                },
                expected: SampleStudy.expected(transferSyntax: implicitUID, hasPreamble: true)),
            Case(
                name: "group length 8 bytes short",
                file: sample(.implicitLittle) {
                    $0.groupLengthError = -8
                    $0.transferSyntax = implicitUID
                },
                expected: SampleStudy.expected(transferSyntax: implicitUID, hasPreamble: true)),
            Case(
                name: "group length 8 bytes long",
                file: sample(.implicitLittle) {
                    $0.groupLengthError = 8
                    $0.transferSyntax = implicitUID
                },
                expected: SampleStudy.expected(transferSyntax: implicitUID, hasPreamble: true)),
            Case(
                name: "deflated without group length",
                file: sample(.explicitLittle) {
                    $0.hasGroupLength = false
                    $0.transferSyntax = "1.2.840.10008.1.2.1.99"
                    $0.deflatesDataSet = true
                },
                expected: SampleStudy.expected(transferSyntax: "1.2.840.10008.1.2.1.99", hasPreamble: true)),
            Case(
                name: "meta group without transfer syntax, implicit data set",
                file: sample(.implicitLittle) { $0.transferSyntax = nil },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: true)),
            Case(
                name: "meta group without transfer syntax, big endian data set",
                file: sample(.explicitBig) { $0.transferSyntax = nil },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: true)),
            Case(
                name: "preamble without meta group, implicit",
                file: sample(.implicitLittle) { $0.hasMeta = false },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: true)),
            Case(
                name: "no preamble, no meta group, implicit",
                file: sample(.implicitLittle) {
                    $0.hasMeta = false
                    $0.hasPreamble = false
                },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: false)),
            Case(
                name: "no preamble, no meta group, explicit little endian",
                file: sample(.explicitLittle) {
                    $0.hasMeta = false
                    $0.hasPreamble = false
                },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: false)),
            Case(
                name: "no preamble, no meta group, explicit big endian",
                file: sample(.explicitBig) {
                    $0.hasMeta = false
                    $0.hasPreamble = false
                },
                expected: SampleStudy.expected(transferSyntax: nil, hasPreamble: false)),
            Case(
                name: "meta group and nothing after it",
                file: PartTenFile(metaSOPClass: "1.2.3", metaSOPInstance: "4.5.6"),
                expected: DicomHeader(
                    transferSyntaxUID: explicitUID, sopClassUID: "1.2.3", sopInstanceUID: "4.5.6", hasPreamble: true)),
        ]
    }()

    @Test(arguments: cases)
    func findsTheDataSet(_ testCase: Case) throws {
        #expect(try DicomHeaderReader.read(testCase.file.bytes) == testCase.expected)
    }

    @Test
    func bareMagicWithoutPreambleIsSkipped() throws {
        let file = PartTenFile(hasPreamble: false, dataSet: SampleStudy.dataSet(.explicitLittle))
        let header = try DicomHeaderReader.read(Array("DICM".utf8) + file.bytes)
        #expect(header == SampleStudy.expected(transferSyntax: "1.2.840.10008.1.2.1", hasPreamble: false))
    }

    @Test
    func metaUIDsStandInWhenTheDataSetLacksThem() throws {
        var set = DataSetBuilder(.explicitLittle)
        set.text(0x0008_0016, "UI", "")
        set.text(0x0020_000D, "UI", "1.2.3.4")
        let file = PartTenFile(metaSOPClass: "1.1.1", metaSOPInstance: "2.2.2", dataSet: set.bytes)
        let header = try DicomHeaderReader.read(file.bytes)
        #expect(header.sopClassUID == "1.1.1")
        #expect(header.sopInstanceUID == "2.2.2")
        #expect(header.studyInstanceUID == "1.2.3.4")
    }
}

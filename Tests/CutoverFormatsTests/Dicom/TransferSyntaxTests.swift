import CutoverFormats
import Testing

/// The data set is read in whatever encoding the meta group names.
struct TransferSyntaxTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var uid: String
        var encoding: DataSetBuilder.Encoding
        var deflated = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "implicit VR little endian", uid: "1.2.840.10008.1.2", encoding: .implicitLittle),
        Case(name: "explicit VR little endian", uid: "1.2.840.10008.1.2.1", encoding: .explicitLittle),
        Case(name: "explicit VR big endian", uid: "1.2.840.10008.1.2.2", encoding: .explicitBig),
        Case(name: "JPEG baseline", uid: "1.2.840.10008.1.2.4.50", encoding: .explicitLittle),
        Case(name: "JPEG 2000", uid: "1.2.840.10008.1.2.4.91", encoding: .explicitLittle),
        Case(name: "RLE lossless", uid: "1.2.840.10008.1.2.5", encoding: .explicitLittle),
        Case(name: "HTJ2K", uid: "1.2.840.10008.1.2.4.201", encoding: .explicitLittle),
        Case(name: "private syntax", uid: "1.2.3.4.5.6.7", encoding: .explicitLittle),
        Case(
            name: "deflated explicit VR little endian", uid: "1.2.840.10008.1.2.1.99", encoding: .explicitLittle,
            deflated: true),
        Case(name: "JPIP referenced deflate", uid: "1.2.840.10008.1.2.4.95", encoding: .explicitLittle, deflated: true),
    ]

    @Test(arguments: cases)
    func readsEveryFieldOfTheSampleStudy(_ testCase: Case) throws {
        let file = PartTenFile(
            transferSyntax: testCase.uid, deflatesDataSet: testCase.deflated,
            dataSet: SampleStudy.dataSet(testCase.encoding))
        let header = try DicomHeaderReader.read(file.bytes)
        #expect(header == SampleStudy.expected(transferSyntax: testCase.uid, hasPreamble: true))
    }

    @Test(arguments: cases)
    func readsTheSameFromAFile(_ testCase: Case) throws {
        let file = PartTenFile(
            transferSyntax: testCase.uid, deflatesDataSet: testCase.deflated,
            dataSet: SampleStudy.dataSet(testCase.encoding))
        let path = try TemporaryFile.write(file.bytes)
        defer { TemporaryFile.remove(path) }
        #expect(
            try DicomHeaderReader.read(path: path)
                == SampleStudy.expected(transferSyntax: testCase.uid, hasPreamble: true))
    }

    @Test
    func transferSyntaxPaddedWithSpaceIsStillRecognised() throws {
        let file = PartTenFile(transferSyntax: "1.2.840.10008.1.2.2 ", dataSet: SampleStudy.dataSet(.explicitBig))
        let header = try DicomHeaderReader.read(file.bytes)
        #expect(header.studyInstanceUID == SampleStudy.study)
        #expect(header.transferSyntaxUID == "1.2.840.10008.1.2.2")
    }

    /// Writers that label an implicit data set explicit (or the reverse) are read by the first element's shape.
    @Test(arguments: [
        ("1.2.840.10008.1.2.1", DataSetBuilder.Encoding.implicitLittle),
        ("1.2.840.10008.1.2", DataSetBuilder.Encoding.explicitLittle),
    ])
    func mislabelledDataSetIsReadAsItIsEncoded(uid: String, actual: DataSetBuilder.Encoding) throws {
        let file = PartTenFile(transferSyntax: uid, dataSet: SampleStudy.dataSet(actual))
        #expect(try DicomHeaderReader.read(file.bytes) == SampleStudy.expected(transferSyntax: uid, hasPreamble: true))
    }
}

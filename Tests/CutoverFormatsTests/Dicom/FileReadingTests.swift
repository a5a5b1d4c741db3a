import CutoverFormats
import Foundation
import Testing

/// Reading from a path reads in windows, and reaches elements well past the first one.
struct FileReadingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: PartTenFile
        var testDescription: String { name }
    }

    /// Private data large enough to push the header's elements far past the first 16 KiB window.
    static func bulky(_ encoding: DataSetBuilder.Encoding, patientName: String = "Doe^Jane") -> [UInt8] {
        var set = DataSetBuilder(encoding)
        set.text(0x0008_0060, "CS", "MR")
        set.text(0x0009_0010, "LO", "ACME")
        set.element(0x0009_1001, "OB", [UInt8](repeating: 0xAB, count: 200_000))
        var item = DataSetBuilder(encoding)
        item.element(0x0009_1003, "OB", [UInt8](repeating: 0xCD, count: 40_000))
        set.sequence(0x0009_1002, length: .undefined, items: [item, item], itemLength: .undefined)
        set.text(0x0010_0010, "PN", patientName)
        set.text(0x0020_000D, "UI", "1.2.3.4")
        set.element(0x7FE0_0010, "OB", [UInt8](repeating: 0, count: 100_000))
        return set.bytes
    }

    static let longName = String(repeating: "Very^Long^Name^", count: 3_000)

    static let cases: [Case] = [
        Case(name: "explicit, bulky", file: PartTenFile(dataSet: bulky(.explicitLittle))),
        Case(
            name: "implicit, bulky",
            file: PartTenFile(transferSyntax: "1.2.840.10008.1.2", dataSet: bulky(.implicitLittle))),
        Case(
            name: "deflated, bulky",
            file: PartTenFile(
                transferSyntax: "1.2.840.10008.1.2.1.99", deflatesDataSet: true, dataSet: bulky(.explicitLittle))),
        Case(
            name: "value wider than the first window",
            file: PartTenFile(dataSet: bulky(.explicitLittle, patientName: longName))),
        Case(
            name: "deflated value wider than the inflation window",
            file: PartTenFile(
                transferSyntax: "1.2.840.10008.1.2.1.99", deflatesDataSet: true,
                dataSet: bulky(.explicitLittle, patientName: longName))),
    ]

    @Test(arguments: cases)
    func pathAndBytesAgree(_ testCase: Case) throws {
        let bytes = testCase.file.bytes
        let path = try TemporaryFile.write(bytes)
        defer { TemporaryFile.remove(path) }
        let fromFile = try DicomHeaderReader.read(path: path)
        #expect(fromFile == (try DicomHeaderReader.read(bytes)))
        #expect(fromFile.studyInstanceUID == "1.2.3.4")
        #expect(fromFile.patientName == "Doe^Jane" || fromFile.patientName == Self.longName)
    }

    @Test
    func longValueIsReadWhole() throws {
        let path = try TemporaryFile.write(
            PartTenFile(dataSet: Self.bulky(.explicitLittle, patientName: Self.longName)).bytes)
        defer { TemporaryFile.remove(path) }
        #expect(try DicomHeaderReader.read(path: path).patientName == Self.longName)
    }

    @Test
    func missingFile() {
        #expect(throws: DicomReadError("cannot open the file: No such file or directory")) {
            try DicomHeaderReader.read(path: "/nonexistent/cutover-\(UUID().uuidString).dcm")
        }
    }

    @Test
    func directoryIsNotARegularFile() {
        #expect(throws: DicomReadError("not a regular file")) {
            try DicomHeaderReader.read(path: NSTemporaryDirectory())
        }
    }

    @Test
    func emptyFile() throws {
        let path = try TemporaryFile.write([])
        defer { TemporaryFile.remove(path) }
        #expect(throws: DicomReadError("the file is empty")) { try DicomHeaderReader.read(path: path) }
    }
}

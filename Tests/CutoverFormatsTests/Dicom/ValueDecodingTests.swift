import CutoverFormats
import Testing

/// Values lose their padding and nothing else; text is UTF-8 with bad bytes replaced; IS becomes an integer.
struct ValueDecodingTests {
    struct TextCase: CustomTestStringConvertible, Sendable {
        var name: String
        var tag: UInt32
        var vr: String
        var value: [UInt8]
        var field: KeyPath<DicomHeader, String?> & Sendable
        var expected: String?
        var testDescription: String { name }
    }

    static let textCases: [TextCase] = [
        TextCase(
            name: "UI padded with NUL", tag: 0x0020_000D, vr: "UI", value: Array("1.2.3\0".utf8),
            field: \.studyInstanceUID, expected: "1.2.3"),
        TextCase(
            name: "UI padded with space", tag: 0x0020_000E, vr: "UI", value: Array("1.2.3 ".utf8),
            field: \.seriesInstanceUID, expected: "1.2.3"),
        TextCase(
            name: "LO padded with space", tag: 0x0010_0020, vr: "LO", value: Array("PID7 ".utf8),
            field: \.patientID, expected: "PID7"),
        TextCase(
            name: "leading spaces are kept", tag: 0x0010_0020, vr: "LO", value: Array("  P1".utf8),
            field: \.patientID, expected: "  P1"),
        TextCase(
            name: "several trailing pads of both kinds", tag: 0x0008_0050, vr: "SH", value: Array("A1 \0 \0".utf8),
            field: \.accessionNumber, expected: "A1"),
        TextCase(
            name: "multiple values stay joined", tag: 0x0008_0060, vr: "CS", value: Array("CT\\PT ".utf8),
            field: \.modality, expected: "CT\\PT"),
        TextCase(
            name: "UTF-8 name", tag: 0x0010_0010, vr: "PN", value: Array("Ötzi^Jürgen".utf8),
            field: \.patientName, expected: "Ötzi^Jürgen"),
        TextCase(
            name: "Latin-1 byte is replaced", tag: 0x0010_0010, vr: "PN", value: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72],
            field: \.patientName, expected: "M\u{FFFD}ller"),
        TextCase(
            name: "empty value is empty, not absent", tag: 0x0008_0050, vr: "SH", value: [],
            field: \.accessionNumber, expected: ""),
        TextCase(
            name: "only padding is empty", tag: 0x0008_0020, vr: "DA", value: Array("  ".utf8),
            field: \.studyDate, expected: ""),
        TextCase(
            name: "absent element is nil", tag: 0x0008_0050, vr: "SH", value: Array("X ".utf8),
            field: \.studyDate, expected: nil),
    ]

    @Test(arguments: textCases)
    func textValue(_ testCase: TextCase) throws {
        let header = try Self.read(testCase.tag, testCase.vr, testCase.value)
        #expect(header[keyPath: testCase.field] == testCase.expected)
    }

    static let frameCounts: [(String, Int?)] = [
        ("1 ", 1), ("  12", 12), ("+5", 5), ("-3", -3), ("2.0", 2), ("0010", 10), ("", nil), ("  ", nil), ("abc", nil),
        ("1\\2", nil), ("2.5", nil), ("99999999999999999999", nil),
    ]

    @Test(arguments: frameCounts)
    func numberOfFrames(text: String, expected: Int?) throws {
        var value = Array(text.utf8)
        if value.count % 2 == 1 { value.append(0x20) }
        #expect(try Self.read(0x0028_0008, "IS", value).numberOfFrames == expected)
    }

    /// The element with the later of two equal tags wins, as it does in a dictionary-based reader.
    @Test
    func repeatedElementKeepsTheLastValue() throws {
        var set = DataSetBuilder(.explicitLittle)
        set.text(0x0008_0060, "CS", "CT")
        set.text(0x0008_0060, "CS", "MR")
        #expect(try DicomHeaderReader.read(PartTenFile(dataSet: set.bytes).bytes).modality == "MR")
    }

    private static func read(_ tag: UInt32, _ vr: String, _ value: [UInt8]) throws -> DicomHeader {
        var set = DataSetBuilder(.explicitLittle)
        set.text(0x0008_0005, "CS", "ISO_IR 192")
        set.element(tag, vr, value)
        return try DicomHeaderReader.read(PartTenFile(dataSet: set.bytes).bytes)
    }
}

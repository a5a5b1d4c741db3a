import Testing

@testable import CutoverFormats

/// The reader stops at the first tag past the header's last one, and never touches pixel bytes.
struct PixelDataTests {
    /// Records the furthest byte the reader asked for.
    final class RecordingSource: ByteSource {
        let inner: MemoryByteSource
        var furthest = 0

        init(_ buffer: UnsafeRawBufferPointer) {
            inner = MemoryByteSource(buffer: buffer)
        }

        func bytes(at offset: Int, count: Int) -> UnsafeRawBufferPointer {
            let bytes = inner.bytes(at: offset, count: count)
            furthest = max(furthest, offset + bytes.count)
            return bytes
        }

        func reaches(_ offset: Int) -> Bool {
            furthest = max(furthest, offset)
            return inner.reaches(offset)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var encoding: DataSetBuilder.Encoding
        var pixelLength: DataSetBuilder.Length
        var testDescription: String { name }
    }

    static let cases: [Case] = DataSetBuilder.Encoding.allCases.flatMap { encoding in
        [
            Case(name: "\(encoding) native pixel data", encoding: encoding, pixelLength: .defined),
            Case(name: "\(encoding) encapsulated pixel data", encoding: encoding, pixelLength: .undefined),
        ]
    }

    @Test(arguments: cases)
    func readsNothingPastThePixelDataHeader(_ testCase: Case) throws {
        var set = DataSetBuilder(testCase.encoding)
        set.text(0x0008_0060, "CS", "US")
        set.text(0x0020_000D, "UI", "1.2.3")
        let meta = PartTenFile(transferSyntax: testCase.encoding.transferSyntax).bytes
        let pixelHeaderEnd = meta.count + set.bytes.count + 12
        var fragment = DataSetBuilder(testCase.encoding)
        fragment.raw([UInt8](repeating: 0x77, count: 4096))
        set.sequence(0x7FE0_0010, vr: "OB", length: testCase.pixelLength, items: [fragment], itemLength: .defined)
        set.raw([UInt8](repeating: 0xFF, count: 64))
        let file = meta + set.bytes
        let (header, furthest) = try file.withUnsafeBytes { buffer in
            let source = RecordingSource(buffer)
            let header = try DicomHeaderReader.read(from: source)
            return (header, source.furthest)
        }
        #expect(header.studyInstanceUID == "1.2.3")
        #expect(furthest <= pixelHeaderEnd)
    }

    /// Garbage after the header's last tag is never parsed, so it cannot turn a good file into an error.
    @Test(arguments: DataSetBuilder.Encoding.allCases)
    func garbageAfterTheLastNeededTagIsIgnored(_ encoding: DataSetBuilder.Encoding) throws {
        var set = DataSetBuilder(encoding)
        set.text(0x0028_0008, "IS", "7")
        set.header(0x0028_0010, "OB", length: 0x7FFF_0000)
        set.raw([1, 2, 3])
        let file = PartTenFile(transferSyntax: encoding.transferSyntax, dataSet: set.bytes)
        #expect(try DicomHeaderReader.read(file.bytes).numberOfFrames == 7)
    }
}

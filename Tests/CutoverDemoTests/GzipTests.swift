import Foundation
import Testing

@testable import CutoverDemo

@Suite("Stored-block gzip")
struct GzipTests {
    @Test("CRC32 matches the standard check value")
    func crcCheckValue() {
        #expect(Gzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Gzip.crc32([]) == 0)
    }

    @Test("the system gzip reads back what was written", arguments: [0, 1, 65_535, 65_536, 200_001])
    func roundTrip(size: Int) throws {
        let payload = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let url = GeneratedFolder.temporary("gzip").appendingPathExtension("gz")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Gzip.wrap(payload)).write(to: url)
        #expect(try EventFiles.gunzip(url.path) == Data(payload))
    }
}

import CutoverFormats
import Testing

@Suite("Gunzip")
struct GunzipTests {
    static let text = Array(
        String(repeating: #"{"id":"e5f4d3c2","detail-type":"Import Job Submitted"}"# + "\n", count: 40).utf8)

    @Test("gzip magic is recognised")
    func magic() {
        let gzip = GzipMaker.compress([1, 2, 3])
        #expect(gzip.withUnsafeBytes(Gunzip.isGzip))
        #expect(!Self.text.withUnsafeBytes(Gunzip.isGzip))
        #expect(![UInt8]([0x1F]).withUnsafeBytes(Gunzip.isGzip))
    }

    @Test("one member round trip")
    func roundTrip() throws {
        let gzip = GzipMaker.compress(Self.text)
        #expect(try gzip.withUnsafeBytes { try Gunzip.decompress($0) } == Self.text)
    }

    @Test("two concatenated members decompress to both, in order")
    func twoMembers() throws {
        let second = Array("second member\n".utf8)
        let gzip = GzipMaker.compress(Self.text) + GzipMaker.compress(second)
        #expect(try gzip.withUnsafeBytes { try Gunzip.decompress($0) } == Self.text + second)
    }

    @Test("output larger than the first allocation grows")
    func largeOutput() throws {
        let big = Array(repeating: Self.text, count: 600).flatMap { $0 }
        let gzip = GzipMaker.compress(big)
        #expect(gzip.count * 4 < big.count)
        #expect(try gzip.withUnsafeBytes { try Gunzip.decompress($0) } == big)
    }

    @Test("a zlib stream is accepted too")
    func zlibStream() throws {
        let zlib = GzipMaker.compress(Self.text, windowBits: 15)
        #expect(try zlib.withUnsafeBytes { try Gunzip.decompress($0) } == Self.text)
    }

    @Test("zero padding after the last member is ignored")
    func zeroPadding() throws {
        let gzip = GzipMaker.compress(Self.text) + [0, 0, 0, 0]
        #expect(try gzip.withUnsafeBytes { try Gunzip.decompress($0) } == Self.text)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var reasonContains: String
        var limit = 1 << 30
        var testDescription: String { name }
    }

    static let gzip = GzipMaker.compress(text)

    @Test(
        "bad gzip data is an error, not a crash",
        arguments: [
            Failure(
                name: "cut in the middle", bytes: Array(gzip.prefix(gzip.count / 2)), reasonContains: "ended early"),
            Failure(name: "missing trailer", bytes: Array(gzip.dropLast(4)), reasonContains: "ended early"),
            Failure(name: "header only", bytes: Array(gzip.prefix(10)), reasonContains: "ended early"),
            Failure(
                name: "second member cut short", bytes: gzip + Array(gzip.prefix(20)), reasonContains: "ended early"),
            Failure(name: "empty", bytes: [], reasonContains: "empty"),
            Failure(name: "not gzip at all", bytes: Array("plain text".utf8), reasonContains: "corrupt"),
            Failure(name: "trailing garbage", bytes: gzip + Array("junk".utf8), reasonContains: "not gzip"),
            Failure(
                name: "corrupt body",
                bytes: Array(gzip.prefix(12)) + Array(repeating: 0xFF, count: 40) + Array(gzip.dropFirst(52)),
                reasonContains: "corrupt"),
            Failure(name: "over the limit", bytes: gzip, reasonContains: "larger than the limit", limit: 100),
        ])
    func failures(_ failure: Failure) {
        #expect {
            try failure.bytes.withUnsafeBytes { try Gunzip.decompress($0, limit: failure.limit) }
        } throws: { error in
            (error as? FormatError)?.reason.contains(failure.reasonContains) == true
        }
    }

    @Test("output of exactly the limit is allowed")
    func exactLimit() throws {
        let output = try Self.gzip.withUnsafeBytes { try Gunzip.decompress($0, limit: Self.text.count) }
        #expect(output.count == Self.text.count)
    }
}

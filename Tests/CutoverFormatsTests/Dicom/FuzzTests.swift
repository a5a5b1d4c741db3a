import CutoverFormats
import Foundation
import Testing

/// Random and mutated files never crash or hang the reader; they either read or fail with a reason.
///
/// `CUTOVER_DICOM_FUZZ_SCALE` multiplies the rounds and `CUTOVER_DICOM_FUZZ_SEED` changes the fixed seed, for
/// longer runs than the default one of the suite.
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let scale = environment["CUTOVER_DICOM_FUZZ_SCALE"].flatMap(Int.init) ?? 1
    static let seed = environment["CUTOVER_DICOM_FUZZ_SEED"].flatMap(UInt64.init) ?? 1

    /// A fixed-seed generator, so a failure found here can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    static let seeds: [(String, [UInt8])] = [
        ("implicit", PartTenFile(transferSyntax: "1.2.840.10008.1.2", dataSet: SampleStudy.dataSet(.implicitLittle))),
        ("explicit", PartTenFile(dataSet: SampleStudy.dataSet(.explicitLittle))),
        ("big endian", PartTenFile(transferSyntax: "1.2.840.10008.1.2.2", dataSet: SampleStudy.dataSet(.explicitBig))),
        (
            "deflated",
            PartTenFile(
                transferSyntax: "1.2.840.10008.1.2.1.99", deflatesDataSet: true,
                dataSet: SampleStudy.dataSet(.explicitLittle))
        ),
        ("no meta", PartTenFile(hasPreamble: false, hasMeta: false, dataSet: SampleStudy.dataSet(.implicitLittle))),
    ].map { ($0.0, $0.1.bytes) }

    @Test(.timeLimit(.minutes(1)))
    func randomBuffers() {
        var random = SplitMix(state: Self.seed)
        let magic = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        var outcomes = Outcomes()
        for round in 0..<(2_000 * Self.scale) {
            var bytes = (0..<Int.random(in: 0...2_048, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            // Every other buffer looks like DICOM at first glance, so the parser gets past the first checks.
            if round % 2 == 1 {
                bytes = magic + [0x02, 0x00] + bytes
            }
            outcomes.record(bytes)
        }
        #expect(outcomes.total == 2_000 * Self.scale)
    }

    @Test(.timeLimit(.minutes(1)), arguments: seeds.map(\.0))
    func mutatedFiles(seedName: String) {
        let original = Self.seeds.first { $0.0 == seedName }!.1
        var random = SplitMix(state: Self.seed &* UInt64(original.count))
        var outcomes = Outcomes()
        for _ in 0..<(400 * Self.scale) {
            var bytes = original
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random))
            case 2:
                // Lengths are the fields most worth breaking: set four aligned bytes to an extreme.
                let at = Int.random(in: 0..<(bytes.count - 4), using: &random)
                let value: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0xFE, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0]].randomElement(
                    using: &random)!
                bytes.replaceSubrange(at..<(at + 4), with: value)
            default:
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in 0xFE }, at: at)
            }
            outcomes.record(bytes)
        }
        #expect(outcomes.total == 400 * Self.scale)
        #expect(outcomes.read > 0)
        #expect(outcomes.rejected > 0)
    }

    /// Every prefix of a file is a truncated file.
    @Test(.timeLimit(.minutes(1)), arguments: seeds.map(\.0))
    func everyPrefix(seedName: String) {
        let original = Self.seeds.first { $0.0 == seedName }!.1
        var outcomes = Outcomes()
        for length in 0...original.count {
            outcomes.record(Array(original[0..<length]))
        }
        #expect(outcomes.total == original.count + 1)
    }

    struct Outcomes {
        var read = 0
        var rejected = 0
        var total: Int { read + rejected }

        mutating func record(_ bytes: [UInt8]) {
            do {
                _ = try DicomHeaderReader.read(bytes)
                read += 1
            } catch {
                #expect(!error.reason.isEmpty)
                rejected += 1
            }
        }
    }
}

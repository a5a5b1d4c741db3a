/// Ids in the shapes AHI uses: 32 lowercase hex characters for data stores, jobs and image sets, and
/// UUID v4 strings for EventBridge event ids and Firehose object names.
enum DemoIdentifiers {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex32(_ seed: UInt64, _ salt: DemoHash.Salt, _ index: Int) -> String {
        let high = DemoHash.of(seed, salt, index, 1)
        let low = DemoHash.of(seed, salt, index, 2)
        return hex(high) + hex(low)
    }

    static func uuid(_ seed: UInt64, _ salt: DemoHash.Salt, _ index: Int) -> String {
        var high = DemoHash.of(seed, salt, index, 3)
        var low = DemoHash.of(seed, salt, index, 4)
        high = (high & ~0xF000) | 0x4000  // version 4
        low = (low & ~(0xC << 60)) | (0x8 << 60)  // RFC 4122 variant
        let h = hex(high)
        let l = hex(low)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    private static func hex(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 {
            bytes[15 - i] = hexDigits[Int((value >> (UInt64(i) * 4)) & 0xF)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

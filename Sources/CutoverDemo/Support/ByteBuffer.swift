/// A growable byte buffer for the hot paths (inventory rows, result lines), which run a million times at
/// bench scale: appending bytes directly is several times faster than building Strings and joining them.
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    @inline(__always)
    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(-value)
            return
        }
        if value < 10 {
            bytes.append(48 + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var length = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[length] = 48 + UInt8(n % 10)
                n /= 10
                length += 1
            }
            for i in stride(from: length - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    mutating func append(_ value: Int, width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit && digits < 19 {
            digits += 1
            limit *= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(48) }
        append(value)
    }

    /// A CSV field: quoted only when it holds a comma, quote or line break, with inner quotes doubled.
    mutating func appendCSV(_ field: String) {
        let needsQuotes = field.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return append(field) }
        bytes.append(34)
        for b in field.utf8 {
            if b == 34 { bytes.append(34) }
            bytes.append(b)
        }
        bytes.append(34)
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    mutating func appendJSONString(_ text: String) {
        bytes.append(34)
        for b in text.utf8 {
            switch b {
            case 34: bytes.append(contentsOf: [92, 34])
            case 92: bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, 110])
            case 13: bytes.append(contentsOf: [92, 114])
            case 9: bytes.append(contentsOf: [92, 116])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(34)
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

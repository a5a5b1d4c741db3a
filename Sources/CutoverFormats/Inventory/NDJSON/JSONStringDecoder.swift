/// Undoes the escapes in a JSON string's content (`\n`, `\"`, `\u00e9`, surrogate pairs) into UTF-8.
///
/// Only strings that have a backslash come here; the rest are used in place.
struct JSONStringDecoder {
    private(set) var decoded: [UInt8] = []

    /// Decodes `content`, whose first byte sits at column `column` of the line (for the error).
    mutating func decode(_ content: UnsafeBufferPointer<UInt8>, column: Int) throws(JSONSyntaxError) {
        decoded.removeAll(keepingCapacity: true)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == 0x5C else {
                decoded.append(byte)
                index += 1
                continue
            }
            let escape = index
            func fail(_ problem: String) -> JSONSyntaxError {
                JSONSyntaxError(column: column + escape, problem: problem)
            }
            guard index + 1 < content.count else { throw fail("invalid escape") }
            switch content[index + 1] {
            case 0x22: decoded.append(0x22)
            case 0x5C: decoded.append(0x5C)
            case 0x2F: decoded.append(0x2F)
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                guard var scalar = hex4(content, at: index + 2) else { throw fail("invalid \\u escape") }
                index += 6
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 1 < content.count, content[index] == 0x5C, content[index + 1] == 0x75,
                        let low = hex4(content, at: index + 2), low >= 0xDC00 && low < 0xE000
                    else { throw fail("unpaired surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw fail("unpaired surrogate in a \\u escape")
                }
                decoded.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
                continue
            default:
                throw fail("invalid escape")
            }
            index += 2
        }
    }

    private func hex4(_ content: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        guard start + 4 <= content.count else { return nil }
        var value: UInt32 = 0
        for byte in content[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

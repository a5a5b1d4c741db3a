extension JSONReader {
    /// Reads a string starting at its opening quote.
    ///
    /// Strings without escapes (nearly all of them) are decoded straight from the buffer; only strings with
    /// escapes go through a scratch array. `String(decoding:as:)` replaces invalid UTF-8 with U+FFFD.
    mutating func readString() throws(JSONParseError) -> String {
        let start = position + 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || (byte < 0x20 && byte != 0x09) { break }
            index += 1
        }
        guard index < bytes.count else { throw truncated("the input ended inside a string") }
        return try readEscapedString(start: start, firstSpecial: index)
    }

    private mutating func readEscapedString(start: Int, firstSpecial: Int) throws(JSONParseError) -> String {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(firstSpecial - start + 32)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<firstSpecial]))
        var index = firstSpecial
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 && byte != 0x09 {
                throw malformed("a control character (such as a line break) inside a string", at: index)
            }
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw truncated("the input ended inside a string") }
            let escaped = bytes[index + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let (scalar, next) = try readUnicodeEscape(at: index)
                Self.appendUTF8(scalar, to: &scratch)
                index = next
                continue
            default:
                throw malformed("unknown escape sequence in a string", at: index)
            }
            index += 2
        }
        throw truncated("the input ended inside a string")
    }

    /// Decodes `\uXXXX` at `index`, joining a surrogate pair when one follows. A surrogate without its partner
    /// becomes U+FFFD. Returns the scalar and the index after the escape(s) used.
    private func readUnicodeEscape(at index: Int) throws(JSONParseError) -> (UInt32, Int) {
        let unit = try readHex4(at: index + 2)
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 7 < bytes.count else {
                // The string is unfinished whatever follows, so this is a truncation, not a lone surrogate.
                if index + 6 >= bytes.count || bytes[index + 6] == UInt8(ascii: "\\") {
                    throw truncated("the input ended inside a string")
                }
                return (0xFFFD, index + 6)
            }
            guard bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u") else {
                return (0xFFFD, index + 6)
            }
            let low = try readHex4(at: index + 8)
            guard (0xDC00...0xDFFF).contains(low) else { return (0xFFFD, index + 6) }
            return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), index + 12)
        case 0xDC00...0xDFFF:
            return (0xFFFD, index + 6)
        default:
            return (unit, index + 6)
        }
    }

    private func readHex4(at start: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            guard index < bytes.count else { throw truncated("the input ended inside a string") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("a \\u escape needs four hexadecimal digits", at: index)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

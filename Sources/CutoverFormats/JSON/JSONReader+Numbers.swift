extension JSONReader {
    /// Reads `-?digits(.digits)?([eE][+-]?digits)?`, or `-Infinity`.
    ///
    /// Most numbers (counters, epoch seconds such as `1731411962.052`) take the exact fast path: a mantissa of at
    /// most 2^53 scaled by a power of ten up to 10^22 is one correctly rounded operation. Anything else goes to
    /// the standard library's correctly rounded conversion.
    mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var index = position
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative {
            index += 1
            guard index < bytes.count else { throw truncated("the input ended inside a number") }
            if bytes[index] == UInt8(ascii: "I") {
                position = index
                return try readMinusInfinity()
            }
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0

        guard index < bytes.count else { throw truncated("the input ended inside a number") }
        guard Self.isDigit(bytes[index]) else { throw malformed("expected a digit in a number", at: index) }
        while index < bytes.count, Self.isDigit(bytes[index]) {
            Self.accumulate(bytes[index], into: &mantissa, digits: &significantDigits, exponent: &exponent)
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count else { throw truncated("the input ended inside a number") }
            guard Self.isDigit(bytes[index]) else { throw malformed("expected a digit after '.'", at: index) }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                Self.accumulate(bytes[index], into: &mantissa, digits: &significantDigits, exponent: &exponent)
                exponent -= 1
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            guard index < bytes.count else { throw truncated("the input ended inside a number") }
            var exponentSign = 1
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentSign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard index < bytes.count else { throw truncated("the input ended inside a number") }
            }
            guard Self.isDigit(bytes[index]) else { throw malformed("expected a digit in an exponent", at: index) }
            var written = 0
            while index < bytes.count, Self.isDigit(bytes[index]) {
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            exponent += exponentSign * written
        }
        position = index

        if significantDigits <= 19, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            var value = Double(mantissa)
            value = exponent < 0 ? value / Self.powersOfTen[-exponent] : value * Self.powersOfTen[exponent]
            return .number(negative ? -value : value)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw malformed("a number that cannot be represented", at: start) }
        return .number(value)
    }

    private mutating func readMinusInfinity() throws(JSONParseError) -> JSONValue {
        let start = position
        for expected in "Infinity".utf8 {
            guard position < bytes.count else { throw truncated("the input ended inside a literal") }
            guard bytes[position] == expected else { throw malformed("unknown literal", at: start) }
            position += 1
        }
        return .number(-.infinity)
    }

    /// Leading zeros are not significant; digits past the 19th only scale the exponent, and push the value
    /// off the fast path through `significantDigits`.
    private static func accumulate(_ byte: UInt8, into mantissa: inout UInt64, digits: inout Int, exponent: inout Int) {
        let digit = UInt64(byte - UInt8(ascii: "0"))
        if digits == 0 && digit == 0 { return }
        digits += 1
        if digits <= 19 {
            mantissa = mantissa &* 10 &+ digit
        } else {
            exponent += 1
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]
}

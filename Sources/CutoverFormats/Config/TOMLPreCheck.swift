/// Finds, before the text reaches TOMLKit, the mistakes on which its parser asserts instead of reporting them.
///
/// TOMLKit 0.6.0 bundles toml++, built without `NDEBUG`, so one of these in a config or theme file aborts the
/// whole program. Found by `make fuzz`; each is a case in `FuzzRegressionTests`:
/// - a table header that does not start with a key (`[` followed by a line break, `[.a]`, `[=]`), also after a
///   byte-order mark;
/// - an array element that starts with `}` (`x = [}`, `x = [1, }`);
/// - a value that is not a string, number, boolean, array or inline table, such as a malformed date
///   (`x = 1139-05-11 2`): no cutover setting takes a date or time, so none is let through.
///
/// The text is read the way toml++ reads it: statements outside strings and comments, arrays across lines.
enum TOMLPreCheck {
    static func check(_ text: String, path: String) throws(ConfigError) {
        var scanner = Scanner(bytes: Array(text.utf8))
        if let (line, message) = scanner.firstProblem() {
            throw ConfigError(path: path, line: line, message: message)
        }
    }

    static let headerMessage = "a table header must start with a name, as in [name] or [[name]]"
    static let arrayMessage = "an array holds '}' where a value should be"
    static let valueMessage = "a value must be a string, a number, true or false, an array or an inline table"

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// The first bad value or array element, once one is seen.
        var problem: (line: Int, message: String)?

        /// The line and message of the first problem, or nil.
        mutating func firstProblem() -> (Int, String)? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // toml++ skips a byte-order mark
            while i < bytes.count {
                if let problem { return problem }
                skipBlank()
                guard i < bytes.count else { return nil }
                switch bytes[i] {
                case 0x0A:
                    line += 1
                    i += 1
                case 0x23:
                    skipComment()
                case 0x5B:
                    var j = i + 1
                    if j < bytes.count, bytes[j] == 0x5B { j += 1 }
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                    if j < bytes.count, !startsKey(bytes[j]), bytes[j] != 0x5D { return (line, TOMLPreCheck.headerMessage) }
                    i = j
                    skipStatement()
                default:
                    skipStatement()
                }
            }
            return problem
        }

        /// Skips to the line break that ends a statement: one outside any string and any bracket opened in it.
        /// A header's own closing `]` finds no open bracket and is passed over.
        private mutating func skipStatement() {
            var open: [UInt8] = []
            while i < bytes.count, problem == nil {
                switch bytes[i] {
                case 0x0A:
                    if open.isEmpty { return }
                    line += 1
                    i += 1
                case 0x23:
                    skipComment()
                case 0x22, 0x27:
                    skipString()
                case 0x5B, 0x7B:
                    open.append(bytes[i])
                    i += 1
                    if open.last == 0x5B { checkArrayElement() }
                case 0x5D, 0x7D:
                    if !open.isEmpty { open.removeLast() }
                    i += 1
                case 0x2C:
                    i += 1
                    if open.last == 0x5B { checkArrayElement() }
                case 0x3D:
                    i += 1
                    var j = i
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                    checkValue(at: j, line: line)
                default:
                    i += 1
                }
            }
        }

        /// After an array's `[` or `,`: toml++ skips blanks, line breaks and comments, then hands anything but
        /// `,` and `]` to its value parser, which asserts on `}`.
        private mutating func checkArrayElement() {
            var j = i
            var at = line
            while j < bytes.count {
                switch bytes[j] {
                case 0x20, 0x09, 0x0D:
                    j += 1
                case 0x0A:
                    at += 1
                    j += 1
                case 0x23:
                    while j < bytes.count, bytes[j] != 0x0A { j += 1 }
                case 0x7D:
                    problem = (at, TOMLPreCheck.arrayMessage)
                    return
                case 0x2C, 0x5D:
                    return  // toml++ reports these itself
                default:
                    checkValue(at: j, line: at)
                    return
                }
            }
        }

        /// A value must start like a string, array or inline table, or be a whole `true`, `false` or TOML number
        /// (decimal with `_` between digits, fraction, exponent; `0x`/`0o`/`0b`; `inf`, `nan`) followed by a
        /// value terminator. Anything else is left to toml++ only if it reports it, which for dates it does not.
        private mutating func checkValue(at j: Int, line: Int) {
            guard j < bytes.count else { return }  // toml++ reports a missing value
            var k = j
            switch bytes[j] {
            case 0x22, 0x27, 0x5B, 0x7B:
                return
            case 0x0A, 0x0D, 0x23, 0x2C, 0x5D, 0x7D:
                return  // a missing value: toml++ reports it
            case 0x74:
                guard matches("true", at: k) else { break }
                k += 4
            case 0x66:
                guard matches("false", at: k) else { break }
                k += 5
            default:
                guard let end = numberEnd(from: k) else { break }
                k = end
            }
            if k > j, k == bytes.count || isTerminator(bytes[k]) { return }
            problem = (line, TOMLPreCheck.valueMessage)
        }

        /// Where a TOML number starting at `k` ends, or nil when none starts there.
        private func numberEnd(from start: Int) -> Int? {
            var k = start
            if k < bytes.count, bytes[k] == 0x2B || bytes[k] == 0x2D { k += 1 }
            if matches("inf", at: k) || matches("nan", at: k) { return k + 3 }
            if k == start, k + 1 < bytes.count, bytes[k] == 0x30, let base = [0x78: 16, 0x6F: 8, 0x62: 2][bytes[k + 1]] {
                return digitsEnd(from: k + 2, base: base)
            }
            guard let integral = digitsEnd(from: k, base: 10) else { return nil }
            if integral - k > 1, bytes[k] == 0x30 { return nil }  // no leading zeros
            k = integral
            if k < bytes.count, bytes[k] == 0x2E {
                guard let fraction = digitsEnd(from: k + 1, base: 10) else { return nil }
                k = fraction
            }
            if k < bytes.count, bytes[k] == 0x65 || bytes[k] == 0x45 {
                k += 1
                if k < bytes.count, bytes[k] == 0x2B || bytes[k] == 0x2D { k += 1 }
                guard let exponent = digitsEnd(from: k, base: 10) else { return nil }
                k = exponent
            }
            return k
        }

        /// Where a run of digits of `base` with single `_` between digits ends; nil when there is no digit.
        private func digitsEnd(from start: Int, base: Int) -> Int? {
            var k = start
            var last: UInt8 = 0x5F
            while k < bytes.count {
                let c = bytes[k]
                if c == 0x5F, last != 0x5F {
                    last = c
                    k += 1
                    continue
                }
                guard let digit = Self.digitValue(c), digit < base else { break }
                last = c
                k += 1
            }
            return k > start && last != 0x5F ? k : nil
        }

        private static func digitValue(_ c: UInt8) -> Int? {
            switch c {
            case 0x30...0x39: Int(c - 0x30)
            case 0x61...0x66: Int(c - 0x61) + 10
            case 0x41...0x46: Int(c - 0x41) + 10
            default: nil
            }
        }

        private func matches(_ word: String, at k: Int) -> Bool {
            let word = Array(word.utf8)
            return k + word.count <= bytes.count && Array(bytes[k..<k + word.count]) == word
        }

        /// toml++'s value terminators: blanks, line breaks, `,`, `]`, `}` and `#`.
        private func isTerminator(_ c: UInt8) -> Bool {
            [0x20, 0x09, 0x0D, 0x0A, 0x2C, 0x5D, 0x7D, 0x23].contains(c)
        }

        /// A basic or literal string, single- or multi-line, counting the line breaks inside it.
        private mutating func skipString() {
            let quote = bytes[i]
            let isMultiLine = i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote
            i += isMultiLine ? 3 : 1
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x5C, quote == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { line += 1 }
                    i += 2
                    continue
                }
                if c == 0x0A {
                    guard isMultiLine else { return }  // unterminated: toml++ reports it
                    line += 1
                }
                if c == quote {
                    if !isMultiLine {
                        i += 1
                        return
                    }
                    if i + 2 < bytes.count, bytes[i + 1] == quote, bytes[i + 2] == quote {
                        // Up to two more quotes may close a multi-line string ("""a"""" is `a"`).
                        i += 3
                        while i < bytes.count, bytes[i] == quote { i += 1 }
                        return
                    }
                }
                i += 1
            }
        }

        private mutating func skipComment() {
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        }

        private mutating func skipBlank() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        }

        /// A bare key character or a quote (toml++'s `is_bare_key_character || is_string_delimiter`).
        private func startsKey(_ c: UInt8) -> Bool {
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D, 0x22, 0x27: true
            default: false
            }
        }
    }
}

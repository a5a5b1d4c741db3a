/// Finds, before the text reaches TOMLKit, the mistakes on which its parser asserts instead of reporting them.
///
/// TOMLKit 0.6.0 bundles toml++, built without `NDEBUG`, so one of these in a config or theme file aborts the
/// whole program. Found by `make fuzz`; each is a case in `FuzzRegressionTests`:
/// - a table header that does not start with a key (`[` followed by a line break, `[.a]`, `[=]`), also after a
///   byte-order mark;
/// - an array element that starts with `}` (`x = [}`, `x = [1, }`).
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

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// The line of an array element that starts with `}`, once one is seen.
        var badArrayLine: Int?

        /// The line and message of the first problem, or nil.
        mutating func firstProblem() -> (Int, String)? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // toml++ skips a byte-order mark
            while i < bytes.count {
                if let badArrayLine { return (badArrayLine, TOMLPreCheck.arrayMessage) }
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
            return badArrayLine.map { ($0, TOMLPreCheck.arrayMessage) }
        }

        /// Skips to the line break that ends a statement: one outside any string and any bracket opened in it.
        /// A header's own closing `]` finds no open bracket and is passed over.
        private mutating func skipStatement() {
            var open: [UInt8] = []
            while i < bytes.count, badArrayLine == nil {
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
                default:
                    if bytes[j] == 0x7D { badArrayLine = at }
                    return
                }
            }
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

/// Finds table headers that do not start with a key (`[` followed by a line break, `[.a]`, `[=]` …) before the
/// text reaches TOMLKit.
///
/// TOMLKit 0.6.0 bundles toml++, whose parser asserts rather than reports an error on such a header: the whole
/// program aborts on one stray `[` in a config or theme file. So the loaders look first and report it like any
/// other mistake, with the file and line. Headers are found the way toml++ finds them: a `[` at the start of a
/// statement, outside strings, comments and multi-line arrays.
enum TableHeaderCheck {
    static func check(_ text: String, path: String) throws(ConfigError) {
        var scanner = Scanner(bytes: Array(text.utf8))
        if let line = scanner.firstHeaderWithoutKey() {
            throw ConfigError(
                path: path, line: line, message: "a table header must start with a name, as in [name] or [[name]]")
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1

        /// The line of the first bad header, or nil.
        mutating func firstHeaderWithoutKey() -> Int? {
            while i < bytes.count {
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
                    if j < bytes.count, !startsKey(bytes[j]), bytes[j] != 0x5D { return line }
                    i = j
                    skipStatement()
                default:
                    skipStatement()
                }
            }
            return nil
        }

        /// Skips to the line break that ends a statement: one outside any string and any bracket opened in it.
        /// A header's own closing `]` finds no open bracket and is passed over.
        private mutating func skipStatement() {
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A:
                    if depth == 0 { return }
                    line += 1
                    i += 1
                case 0x23:
                    skipComment()
                case 0x22, 0x27:
                    skipString()
                case 0x5B, 0x7B:
                    depth += 1
                    i += 1
                case 0x5D, 0x7D:
                    if depth > 0 { depth -= 1 }
                    i += 1
                default:
                    i += 1
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

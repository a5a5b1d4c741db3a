/// The subset of INI that `~/.aws/credentials` and `~/.aws/config` use, read as botocore's `configparser` does.
///
/// - `[section]` headers; the name keeps its case and is trimmed (`configparser` would keep `[ default ]`'s
///   spaces and then find no `default`; accepting it is the kinder reading).
/// - `key = value` or `key: value`; keys are trimmed and lowercased, values trimmed.
/// - Whole-line comments start with `#` or `;`. A `#` inside a value is kept, since `configparser` has no
///   inline comments and a secret could contain one.
/// - A line indented deeper than the key before it continues that key's value (nested settings such as
///   `s3 =\n  addressing_style = path`), so it is never mistaken for a key of its own.
/// - Lines outside any section and lines without `=` or `:` are ignored; a repeated section adds to the first.
struct INIFile: Sendable, Hashable {
    private(set) var sections: [String: [String: String]] = [:]

    init(parsing text: String) {
        var current: String?
        var lastKey: (name: String, indent: Int)?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = Self.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            if let section = current, let key = lastKey, indent > key.indent {
                sections[section]?[key.name]?.append("\n" + line)
                continue
            }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = Self.trimmed(line.dropFirst().dropLast())
                current = name
                lastKey = nil
                sections[name] = sections[name] ?? [:]
                continue
            }
            guard let section = current, let split = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                continue
            }
            let key = Self.trimmed(line[..<split]).lowercased()
            sections[section]?[key] = Self.trimmed(line[line.index(after: split)...])
            lastKey = (key, indent)
        }
    }

    func value(_ key: String, in section: String) -> String? {
        sections[section]?[key.lowercased()]
    }

    func hasSection(_ name: String) -> Bool {
        sections[name] != nil
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}

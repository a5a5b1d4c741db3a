import TOMLKit

/// The one way cutover's TOML files (`cutover.toml`, themes) are parsed: checked for the headers TOMLKit
/// would abort on (`TOMLPreCheck`), then parsed, with TOMLKit's errors as a `ConfigError` naming the file
/// and line.
enum TOMLText {
    static func table(_ text: String, path: String) throws -> TOMLTable {
        try TOMLPreCheck.check(text, path: path)
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigError(path: path, message: "not valid TOML")
        }
    }
}

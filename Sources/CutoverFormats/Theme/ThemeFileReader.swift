import Foundation
import TOMLKit

/// Typed access to a theme file's table, with errors that name the key and the line it is on.
struct ThemeFileReader {
    let text: String
    let path: String

    private var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    func error(at line: Int?, _ message: String) -> ConfigError {
        ConfigError(path: path, line: line, message: message)
    }

    /// Every key must be one this version reads: a misspelt key would otherwise be silently ignored.
    func checkKeys(_ table: TOMLTable, allowed: Set<String>, role: String?) throws {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let place = role.map { " in [roles.\($0)]" } ?? ""
            let at = role.map { line(of: key, inRole: $0) } ?? line(of: key)
            throw error(
                at: at, "unknown key \(key)\(place); expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func string(_ table: TOMLTable, _ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(at: line(of: key), "\(key) must be a string") }
        return string
    }

    func roleSpec(_ table: TOMLTable, name: String) throws -> RoleSpec {
        try checkKeys(table, allowed: ["fg", "bg", "attrs"], role: name)
        return RoleSpec(
            fg: try color(table, "fg", role: name), bg: try color(table, "bg", role: name),
            attrs: try attributes(table, role: name))
    }

    private func color(_ table: TOMLTable, _ key: String, role: String) throws -> ColorSpec? {
        guard let value = table[key] else { return nil }
        let at = line(of: key, inRole: role)
        if let string = value.string {
            guard let color = ColorSpec(string: string) else {
                throw error(
                    at: at,
                    "roles.\(role).\(key) \"\(string)\" is not a colour; use default, a name such as red or "
                        + "bright-blue, a number 0–255, or #rrggbb")
            }
            return color
        }
        if let index = value.int {
            guard let color = ColorSpec(index: index) else {
                throw error(at: at, "roles.\(role).\(key) \(index) is not a palette number; use 0–255")
            }
            return color
        }
        throw error(at: at, "roles.\(role).\(key) must be a colour string or a palette number")
    }

    private func attributes(_ table: TOMLTable, role: String) throws -> [String]? {
        guard let value = table["attrs"] else { return nil }
        let at = line(of: "attrs", inRole: role)
        guard let array = value.array else { throw error(at: at, "roles.\(role).attrs must be an array of strings") }
        var names: [String] = []
        for element in array {
            guard let name = element.string else {
                throw error(at: at, "roles.\(role).attrs must be an array of strings")
            }
            guard ThemeFile.attributeNames.contains(name) else {
                throw error(
                    at: at,
                    "roles.\(role).attrs has unknown attribute \(name); expected bold, dim, underline or reverse")
            }
            names.append(name)
        }
        return names
    }

    /// TOMLKit does not keep value positions; the first line that starts with the key is close enough.
    func line(of key: String) -> Int? {
        lines.firstIndex { starts($0, withKey: key) || $0.hasPrefix("[\(key)") }.map { $0 + 1 }
    }

    /// The line of a role's `[roles.NAME]` header, or failing that the first line naming the role.
    func line(ofRole role: String) -> Int? {
        if let header = headerIndex(role) { return header + 1 }
        return lines.firstIndex { starts($0, withKey: role) || $0.contains("roles.\(role)") }.map { $0 + 1 }
    }

    /// The line of `key` inside the role's section; inline tables and dotted keys are found by the role's name.
    func line(of key: String, inRole role: String) -> Int? {
        let lines = lines
        if let header = headerIndex(role) {
            var index = header + 1
            while index < lines.count, !lines[index].hasPrefix("[") {
                if starts(lines[index], withKey: key) { return index + 1 }
                index += 1
            }
        }
        if let index = lines.firstIndex(where: {
            ($0.contains("roles.\(role).\(key)")) || (starts($0, withKey: role) && $0.contains(key))
        }) {
            return index + 1
        }
        return line(ofRole: role)
    }

    private func headerIndex(_ role: String) -> Int? {
        lines.firstIndex { line in
            let compact = line.filter { $0 != " " && $0 != "\"" && $0 != "'" }
            return compact.hasPrefix("[roles.\(role)]")
        }
    }

    private func starts(_ line: String, withKey key: String) -> Bool {
        guard line.hasPrefix(key) else { return false }
        let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        return rest.first == "=" || rest.first == "."
    }
}

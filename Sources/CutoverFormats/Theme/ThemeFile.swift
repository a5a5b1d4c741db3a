import Foundation
import TOMLKit

/// A theme file (`themes/*.toml`) as written: semantic roles named to colours and attributes.
///
/// ```toml
/// name = "okabe-ito"
/// base = "default"        # start from this built-in theme and override only what is given
/// [roles.critical]
/// fg = "#d55e00"          # default, red … bright-white, 0–255 or #rrggbb
/// bg = "default"
/// attrs = ["bold"]        # bold, dim, underline, reverse
/// ```
///
/// This layer only reads and checks the file. Which role names exist is the terminal layer's knowledge, so the
/// caller passes them in; resolving `base` and reducing colours happen there too.
public struct ThemeFile: Equatable, Sendable {
    public var name: String?
    public var base: String?
    /// Keyed by role name, each one of the `roleNames` given to `parse`.
    public var roles: [String: RoleSpec]

    public init(name: String? = nil, base: String? = nil, roles: [String: RoleSpec] = [:]) {
        self.name = name
        self.base = base
        self.roles = roles
    }

    /// The attributes a role may ask for.
    public static let attributeNames: [String] = ["bold", "dim", "underline", "reverse"]

    /// Reads and checks the file; every problem is a `ConfigError`.
    public static func load(path: String, roleNames: Set<String>, baseNames: Set<String>? = nil) throws -> ThemeFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw ConfigError(path: path, message: reason)
        }
        return try parse(text, path: path, roleNames: roleNames, baseNames: baseNames)
    }

    /// Checks `text`; `path` only names the file in errors. `base`, when given, must be one of `baseNames`
    /// (the built-in themes) unless that is nil.
    public static func parse(
        _ text: String, path: String, roleNames: Set<String>, baseNames: Set<String>? = nil
    ) throws -> ThemeFile {
        let table = try TOMLText.table(text, path: path)
        let reader = ThemeFileReader(text: text, path: path)
        try reader.checkKeys(table, allowed: ["name", "base", "roles"], role: nil)
        var file = ThemeFile(name: try reader.string(table, "name"), base: try reader.string(table, "base"))
        if let base = file.base, let baseNames, !baseNames.contains(base) {
            throw reader.error(
                at: reader.line(of: "base"),
                "base \"\(base)\" is not a built-in theme; expected one of "
                    + baseNames.sorted().joined(separator: ", "))
        }
        guard let rolesValue = table["roles"] else { return file }
        guard let roles = rolesValue.table else {
            throw reader.error(at: reader.line(of: "roles"), "roles must be a table, written as [roles.NAME] sections")
        }
        for roleName in roles.keys.sorted() {
            guard roleNames.contains(roleName) else {
                throw reader.error(
                    at: reader.line(ofRole: roleName),
                    "unknown role \(roleName); expected one of \(roleNames.sorted().joined(separator: ", "))")
            }
            guard let role = roles[roleName]?.table else {
                throw reader.error(
                    at: reader.line(ofRole: roleName), "roles.\(roleName) must be a table with fg, bg and attrs")
            }
            file.roles[roleName] = try reader.roleSpec(role, name: roleName)
        }
        return file
    }
}

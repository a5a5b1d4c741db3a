import Foundation
import TOMLKit

/// `cutover.toml`. Paths in it are relative to the file's folder.
///
/// This reads what ingest and polling need; gates, consumers and region profiles are added with them.
public struct CutoverConfig: Equatable, Sendable {
    public struct Datastore: Equatable, Sendable {
        public var id: String
        public var region: String?
        public var losslessStorageFormat: String
    }

    public struct Cohort: Equatable, Sendable {
        public var name: String
        public var prefix: String?
        public var regionProfile: String?
    }

    /// The file it was read from.
    public var path: String
    public var migrationName: String
    public var datastores: [Datastore]
    /// Local folders to poll, made absolute.
    public var localPaths: [String]
    public var pollIntervalSeconds: Double
    /// Inventory files, made absolute.
    public var inventoryFiles: [String]
    public var cohorts: [Cohort]

    /// The folder holding the config: the default home of `cutover.sqlite`.
    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// Reads and checks the file; every problem is a `ConfigError`.
    public static func load(path: String) throws -> CutoverConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw ConfigError(path: path, message: reason)
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> CutoverConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigError(path: path, message: "not valid TOML")
        }
        var reader = TableReader(text: text, path: path)
        let base = (path as NSString).deletingLastPathComponent
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(p)
        }

        let migration = try reader.table(table, "migration")
        let name = try migration.map { try reader.string($0, "name", in: "migration") } ?? nil
        let sources = try reader.table(table, "sources")
        let local = try sources.map { try reader.table($0, "local", in: "sources") } ?? nil
        let paths = try local.map { try reader.strings($0, "paths", in: "sources.local") } ?? nil
        let interval = try local.map { try reader.number($0, "interval_seconds", in: "sources.local") } ?? nil
        if let interval, interval <= 0 {
            throw reader.error("interval_seconds", "sources.local.interval_seconds must be a positive number")
        }
        let inventory = try reader.table(table, "inventory")
        let inventoryFiles = try inventory.map { try reader.strings($0, "files", in: "inventory") } ?? nil

        var datastores: [Datastore] = []
        for entry in try reader.tables(table, "datastores") {
            guard let id = try reader.string(entry, "id", in: "datastores") else {
                throw reader.error("[[datastores]]", "every [[datastores]] entry needs an id")
            }
            let format = try reader.string(entry, "lossless_storage_format", in: "datastores") ?? "HTJ2K"
            guard ["HTJ2K", "JPEG_2000_LOSSLESS"].contains(format) else {
                throw reader.error(
                    "lossless_storage_format", "lossless_storage_format must be HTJ2K or JPEG_2000_LOSSLESS")
            }
            datastores.append(
                Datastore(id: id, region: try reader.string(entry, "region", in: "datastores"), losslessStorageFormat: format))
        }
        var cohorts: [Cohort] = []
        for entry in try reader.tables(table, "cohorts") {
            guard let cohortName = try reader.string(entry, "name", in: "cohorts") else {
                throw reader.error("[[cohorts]]", "every [[cohorts]] entry needs a name")
            }
            cohorts.append(
                Cohort(
                    name: cohortName, prefix: try reader.string(entry, "prefix", in: "cohorts"),
                    regionProfile: try reader.string(entry, "region_profile", in: "cohorts")))
        }
        return CutoverConfig(
            path: path, migrationName: name ?? "migration", datastores: datastores,
            localPaths: (paths ?? []).map(absolute), pollIntervalSeconds: interval ?? 15,
            inventoryFiles: (inventoryFiles ?? []).map(absolute), cohorts: cohorts)
    }
}

/// Typed access with errors that name the key and the line it is on.
private struct TableReader {
    let text: String
    let path: String

    func error(_ key: String, _ message: String) -> ConfigError {
        ConfigError(path: path, line: line(of: key), message: message)
    }

    /// TOMLKit does not keep value positions; the first line that starts with the key is close enough.
    func line(of key: String) -> Int? {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix(key) || line.hasPrefix("[\(key)") || line.hasPrefix("[[\(key)") { return index + 1 }
        }
        return nil
    }

    func table(_ parent: TOMLTable, _ key: String, in section: String? = nil) throws -> TOMLTable? {
        guard let value = parent[key] else { return nil }
        guard let table = value.table else { throw error(key, "\(qualified(key, section)) must be a table") }
        return table
    }

    func tables(_ parent: TOMLTable, _ key: String) throws -> [TOMLTable] {
        guard let value = parent[key] else { return [] }
        guard let array = value.array else { throw error(key, "\(key) must be an array of tables ([[\(key)]])") }
        var tables: [TOMLTable] = []
        for element in array {
            guard let table = element.table else { throw error(key, "\(key) must be an array of tables ([[\(key)]])") }
            tables.append(table)
        }
        return tables
    }

    func string(_ parent: TOMLTable, _ key: String, in section: String) throws -> String? {
        guard let value = parent[key] else { return nil }
        guard let string = value.string else { throw error(key, "\(qualified(key, section)) must be a string") }
        return string
    }

    func number(_ parent: TOMLTable, _ key: String, in section: String) throws -> Double? {
        guard let value = parent[key] else { return nil }
        if let int = value.int { return Double(int) }
        guard let double = value.double else { throw error(key, "\(qualified(key, section)) must be a number") }
        return double
    }

    func strings(_ parent: TOMLTable, _ key: String, in section: String) throws -> [String]? {
        guard let value = parent[key] else { return nil }
        guard let array = value.array else {
            throw error(key, "\(qualified(key, section)) must be an array of strings")
        }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else {
                throw error(key, "\(qualified(key, section)) must be an array of strings")
            }
            strings.append(string)
        }
        return strings
    }

    private func qualified(_ key: String, _ section: String?) -> String {
        section.map { "\($0).\(key)" } ?? key
    }
}

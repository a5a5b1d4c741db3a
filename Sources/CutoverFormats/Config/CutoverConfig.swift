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

    /// A viewer, workstation or AI pipeline, and the stored transfer syntaxes it can decode.
    public struct Consumer: Equatable, Sendable {
        public var name: String
        public var kind: String
        public var decodes: [String]
    }

    /// A region profile defined in the config (the built-in ones are `au` and `generic`).
    public struct RegionProfile: Equatable, Sendable {
        public var id: String
        public var name: String
        public var allowedRegions: [String]?
        /// Obligation items: id and text.
        public var items: [(id: String, text: String)]
        public var retentionDays: Int?

        public static func == (a: Self, b: Self) -> Bool {
            a.id == b.id && a.name == b.name && a.allowedRegions == b.allowedRegions && a.retentionDays == b.retentionDays
                && a.items.map(\.id) == b.items.map(\.id) && a.items.map(\.text) == b.items.map(\.text)
        }
    }

    /// The file it was read from.
    public var path: String
    public var migrationName: String
    public var datastores: [Datastore]
    /// Local folders to poll, made absolute.
    public var localPaths: [String]
    public var pollIntervalSeconds: Double
    /// `[sources.ahi]`: poll the HealthImaging API for the import jobs of every `[[datastores]]` entry.
    public var ahi: AHIPolling?
    /// `[sources.s3]`: S3 prefixes mirrored into the cache beside the database and ingested like local folders.
    public var s3: S3Polling?
    /// Inventory files, made absolute.
    public var inventoryFiles: [String]
    public var cohorts: [Cohort]
    public var consumers: [Consumer]
    public var regionProfiles: [RegionProfile]
    /// Approvals need a second, different person to confirm (default on).
    public var twoPersonApproval: Bool
    /// Days the Part 10 originals stay retained after approval (the `retention` obligation).
    public var retentionDays: Int

    /// How often to ask HealthImaging for jobs; the published rate limits leave plenty of room at 15 s.
    public struct AHIPolling: Equatable, Sendable {
        public var intervalSeconds: Double
        /// How long one request may take before it is retried (and, after the last retry, the poll fails).
        public var timeoutSeconds: Double = 30
    }

    /// Where job outputs, API responses and event objects are read from in S3, and how often to list them.
    public struct S3Polling: Equatable, Sendable {
        public var uris: [S3URI]
        public var intervalSeconds: Double
        /// How long one request may take (a download: may go without a byte) before it is retried.
        public var timeoutSeconds: Double

        public init(uris: [S3URI], intervalSeconds: Double = 15, timeoutSeconds: Double = 30) {
            self.uris = uris
            self.intervalSeconds = intervalSeconds
            self.timeoutSeconds = timeoutSeconds
        }
    }

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
        let table = try TOMLText.table(text, path: path)
        let reader = TableReader(text: text, path: path)
        try reader.checkKeys(table, allowed: ["migration", "datastores", "sources", "inventory", "cohorts", "consumers",
                                              "region_profiles"], section: nil)
        let base = (path as NSString).deletingLastPathComponent
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(p)
        }

        let migration = try reader.table(table, "migration")
        if let migration {
            try reader.checkKeys(migration, allowed: ["name", "two_person_approval", "retention_days"], section: "migration")
        }
        let name = try migration.map { try reader.string($0, "name", in: "migration") } ?? nil
        let twoPerson = try migration.map { try reader.bool($0, "two_person_approval", in: "migration") } ?? nil
        let retention = try migration.map { try reader.number($0, "retention_days", in: "migration") } ?? nil
        if let retention, retention < 0 || retention != retention.rounded() {
            throw reader.error("retention_days", "migration.retention_days must be a whole number of days")
        }
        let sources = try reader.table(table, "sources")
        if let sources { try reader.checkKeys(sources, allowed: ["local", "ahi", "s3"], section: "sources") }
        let ahiTable = try sources.map { try reader.table($0, "ahi", in: "sources") } ?? nil
        if let ahiTable {
            try reader.checkKeys(ahiTable, allowed: ["enabled", "interval_seconds", "timeout_seconds"], section: "sources.ahi")
        }
        let ahiEnabled = try ahiTable.map { try reader.bool($0, "enabled", in: "sources.ahi") } ?? nil
        let ahiInterval = try ahiTable.map { try reader.number($0, "interval_seconds", in: "sources.ahi") } ?? nil
        if let ahiInterval, ahiInterval < 1 {
            throw reader.error("interval_seconds", "sources.ahi.interval_seconds must be at least 1 second")
        }
        let ahiTimeout = try ahiTable.map { try reader.number($0, "timeout_seconds", in: "sources.ahi") } ?? nil
        if let ahiTimeout, ahiTimeout < 1 {
            throw reader.error("timeout_seconds", "sources.ahi.timeout_seconds must be at least 1 second")
        }
        let s3 = try sources.map { try readS3(reader, $0) } ?? nil
        let local = try sources.map { try reader.table($0, "local", in: "sources") } ?? nil
        if let local { try reader.checkKeys(local, allowed: ["paths", "interval_seconds"], section: "sources.local") }
        let paths = try local.map { try reader.strings($0, "paths", in: "sources.local") } ?? nil
        let interval = try local.map { try reader.number($0, "interval_seconds", in: "sources.local") } ?? nil
        if let interval, interval <= 0 {
            throw reader.error("interval_seconds", "sources.local.interval_seconds must be a positive number")
        }
        let inventory = try reader.table(table, "inventory")
        if let inventory { try reader.checkKeys(inventory, allowed: ["files"], section: "inventory") }
        let inventoryFiles = try inventory.map { try reader.strings($0, "files", in: "inventory") } ?? nil

        var datastores: [Datastore] = []
        for entry in try reader.tables(table, "datastores") {
            try reader.checkKeys(entry, allowed: ["id", "region", "lossless_storage_format"], section: "datastores")
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
            try reader.checkKeys(entry, allowed: ["name", "prefix", "region_profile"], section: "cohorts")
            guard let cohortName = try reader.string(entry, "name", in: "cohorts") else {
                throw reader.error("[[cohorts]]", "every [[cohorts]] entry needs a name")
            }
            cohorts.append(
                Cohort(
                    name: cohortName, prefix: try reader.string(entry, "prefix", in: "cohorts"),
                    regionProfile: try reader.string(entry, "region_profile", in: "cohorts")))
        }
        var consumers: [Consumer] = []
        for entry in try reader.tables(table, "consumers") {
            try reader.checkKeys(entry, allowed: ["name", "kind", "decodes"], section: "consumers")
            guard let consumerName = try reader.string(entry, "name", in: "consumers") else {
                throw reader.error("[[consumers]]", "every [[consumers]] entry needs a name")
            }
            let kind = try reader.string(entry, "kind", in: "consumers") ?? "viewer"
            guard ["viewer", "workstation", "ai"].contains(kind) else {
                throw reader.error("kind", "consumers.kind must be viewer, workstation or ai")
            }
            consumers.append(
                Consumer(name: consumerName, kind: kind, decodes: try reader.strings(entry, "decodes", in: "consumers") ?? []))
        }
        var profiles: [RegionProfile] = []
        for entry in try reader.tables(table, "region_profiles") {
            try reader.checkKeys(
                entry, allowed: ["id", "name", "allowed_regions", "items", "retention_days"], section: "region_profiles")
            guard let id = try reader.string(entry, "id", in: "region_profiles") else {
                throw reader.error("[[region_profiles]]", "every [[region_profiles]] entry needs an id")
            }
            var items: [(String, String)] = []
            for item in try reader.tables(entry, "items") {
                try reader.checkKeys(item, allowed: ["id", "text"], section: "region_profiles.items")
                guard let itemID = try reader.string(item, "id", in: "region_profiles.items"),
                    let itemText = try reader.string(item, "text", in: "region_profiles.items")
                else { throw reader.error("items", "every region profile item needs an id and a text") }
                items.append((itemID, itemText))
            }
            profiles.append(
                RegionProfile(
                    id: id, name: try reader.string(entry, "name", in: "region_profiles") ?? id,
                    allowedRegions: try reader.strings(entry, "allowed_regions", in: "region_profiles"), items: items,
                    retentionDays: (try reader.number(entry, "retention_days", in: "region_profiles")).map { Int($0) }))
        }
        return CutoverConfig(
            path: path, migrationName: name ?? "migration", datastores: datastores,
            localPaths: (paths ?? []).map(absolute), pollIntervalSeconds: interval ?? 15,
            ahi: ahiTable != nil && ahiEnabled != false ? AHIPolling(intervalSeconds: ahiInterval ?? 15, timeoutSeconds: ahiTimeout ?? 30) : nil, s3: s3,
            inventoryFiles: (inventoryFiles ?? []).map(absolute), cohorts: cohorts, consumers: consumers,
            regionProfiles: profiles, twoPersonApproval: twoPerson ?? true, retentionDays: retention.map { Int($0) } ?? 90)
    }
}

extension CutoverConfig {
    /// `[sources.s3]`: `uris` (each `s3://bucket/prefix`, at least one) and `interval_seconds` (default 15).
    fileprivate static func readS3(_ reader: TableReader, _ sources: TOMLTable) throws -> S3Polling? {
        guard let table = try reader.table(sources, "s3", in: "sources") else { return nil }
        try reader.checkKeys(table, allowed: ["uris", "interval_seconds", "timeout_seconds"], section: "sources.s3")
        let texts = try reader.strings(table, "uris", in: "sources.s3") ?? []
        guard !texts.isEmpty else {
            throw reader.error("[sources.s3]", "sources.s3 needs uris, e.g. uris = [\"s3://bucket/prefix/\"]")
        }
        var uris: [S3URI] = []
        for text in texts {
            guard let uri = S3URI(parsing: text) else {
                throw reader.error("uris", "sources.s3.uris: \(text) is not an s3://bucket/prefix location")
            }
            uris.append(uri)
        }
        let interval = try reader.number(table, "interval_seconds", in: "sources.s3")
        if let interval, interval < 1 {
            throw reader.error("interval_seconds", "sources.s3.interval_seconds must be at least 1 second")
        }
        let timeout = try reader.number(table, "timeout_seconds", in: "sources.s3")
        if let timeout, timeout < 1 {
            throw reader.error("timeout_seconds", "sources.s3.timeout_seconds must be at least 1 second")
        }
        return S3Polling(uris: uris, intervalSeconds: interval ?? 15, timeoutSeconds: timeout ?? 30)
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

    /// Every key must be one this version reads: a misspelt key would otherwise be silently ignored.
    func checkKeys(_ table: TOMLTable, allowed: Set<String>, section: String?) throws {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let place = section.map { " in [\($0)]" } ?? ""
            throw error(key, "unknown key \(key)\(place); expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func bool(_ parent: TOMLTable, _ key: String, in section: String) throws -> Bool? {
        guard let value = parent[key] else { return nil }
        guard let bool = value.bool else { throw error(key, "\(qualified(key, section)) must be true or false") }
        return bool
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

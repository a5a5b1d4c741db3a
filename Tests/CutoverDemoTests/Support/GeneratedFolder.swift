import Foundation
import Testing

@testable import CutoverDemo

/// A demo folder on disk, with readers for the formats the writer produces.
struct GeneratedFolder {
    let url: URL

    /// A fresh, empty directory under the system temporary directory.
    static func temporary(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cutover-demo-\(label)-\(UUID().uuidString)")
    }

    /// `writeStatic()` then `advance(to:)` each time in turn.
    static func generate(_ plan: DemoPlan, at times: [Double], label: String) throws -> GeneratedFolder {
        let url = temporary(label)
        let writer = DemoWriter(plan: plan, directory: url)
        try writer.writeStatic()
        for t in times { try writer.advance(to: t) }
        return GeneratedFolder(url: url)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every regular file, keyed by relative path.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let root = url.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// Inode and modification time per file: a file replaced by rename gets a new inode even within the
    /// same second, so equal identities mean the file was not rewritten.
    func fileIdentities() -> [String: String] {
        var identities: [String: String] = [:]
        for path in snapshot().keys {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path + "/" + path)
            let inode = attributes?[.systemFileNumber].map { "\($0)" } ?? "?"
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            identities[path] = "\(inode)@\(date)"
        }
        return identities
    }

    func data(_ relative: String) -> Data? { FileManager.default.contents(atPath: url.path + "/" + relative) }

    func text(_ relative: String) -> String { data(relative).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func lines(_ relative: String) -> [String] {
        text(relative).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    func json(_ relative: String) throws -> [String: Any] {
        let bytes = try #require(data(relative), "missing \(relative)")
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    func ndjson(_ relative: String) throws -> [[String: Any]] {
        try lines(relative).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func files(under relative: String) -> [String] {
        snapshot().keys.filter { $0.hasPrefix(relative + "/") }.sorted()
    }

    // MARK: Job folders

    struct JobFolder {
        let cohort: String
        let jobId: String
        let path: String

        var manifestPath: String { path + "/job-output-manifest.json" }
        var successPath: String { path + "/SUCCESS/success.ndjson" }
        var warningPath: String { path + "/WARNING/warning.ndjson" }
        var failurePath: String { path + "/FAILURE/failure.ndjson" }
    }

    func jobFolders() -> [JobFolder] {
        let jobs = url.appendingPathComponent("jobs").path
        var folders: [JobFolder] = []
        for cohort in (try? FileManager.default.contentsOfDirectory(atPath: jobs)) ?? [] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: jobs + "/" + cohort)) ?? [] {
                let jobId = String(name.split(separator: "-").last ?? "")
                folders.append(JobFolder(cohort: cohort, jobId: jobId, path: "jobs/\(cohort)/\(name)"))
            }
        }
        return folders.sorted { $0.path < $1.path }
    }

    /// `inputFile` of every line of a result file.
    func inputFiles(_ relative: String) throws -> [String] {
        try ndjson(relative).map { try #require($0["inputFile"] as? String) }
    }

    // MARK: API

    /// All job summaries over all ListDICOMImportJobs pages, with each page's raw object.
    func jobSummaries() throws -> (summaries: [[String: Any]], pages: [[String: Any]]) {
        let pages = try files(under: "api").filter { $0.hasPrefix("api/list-dicom-import-jobs-") }.map { try json($0) }
        let summaries = pages.flatMap { ($0["jobSummaries"] as? [[String: Any]]) ?? [] }
        return (summaries, pages)
    }

    // MARK: Inventory

    func inventory() -> (header: [String], rows: [[String]]) {
        let records = CSV.parse(text("inventory/source-inventory.csv"))
        return (records.first ?? [], Array(records.dropFirst()))
    }
}

/// Shared, read-only generations: building the full demo once keeps the suite fast.
enum Fixture {
    static let demoPlan = DemoPlanner.plan(DemoOptions())
    /// The full static generation: `writeStatic()` then `advance(to: endEpoch)`.
    static let demo: GeneratedFolder = {
        sweepEarlierRuns()
        return try! GeneratedFolder.generate(demoPlan, at: [demoPlan.endEpoch], label: "fixture")
    }()

    /// Static fixtures outlive their process; remove the ones earlier runs left behind (an hour is far longer
    /// than a run, so a concurrent run's fixture is never touched).
    private static func sweepEarlierRuns() {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("cutover-demo-fixture-") {
            let url = temporary.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            if let modified, modified < Date(timeIntervalSinceNow: -3_600) {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}

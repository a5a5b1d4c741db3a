import CutoverDashboard
import CutoverFormats
import CutoverStore
import Foundation
import Testing

/// The dashboard's in-process poller: it ingests while it holds the lease, and on the way out it ends its
/// round before it gives the lease back, so nothing of it still runs when the process exits.
@Suite final class BackgroundPollerTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cutover-poller-\(UUID().uuidString)")
        let results = folder.appendingPathComponent("jobs/ds1-DicomImport-job1/SUCCESS")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        let lines = (1...50).map { #"{"inputFile":"input/ed/\#($0).dcm","importResponse":{"imageSetId":"set\#($0)"}}"# }
        try (lines.joined(separator: "\n") + "\n").write(
            to: results.appendingPathComponent("success.ndjson"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func config() throws -> CutoverConfig {
        let path = folder.appendingPathComponent("cutover.toml").path
        return try CutoverConfig.parse(
            """
            [sources.local]
            paths = ["jobs"]
            interval_seconds = 1
            """, path: path)
    }

    func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while try !condition() {
            if Date() > deadline { Issue.record("timed out waiting for \(what)"); return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @Test func stopEndsTheLoopBeforeGivingTheLeaseBack() throws {
        let database = try CutoverDatabase(path: folder.appendingPathComponent("cutover.sqlite").path)
        let poller = BackgroundPoller(config: try config(), database: database, holder: "1@test")
        poller.start()
        try waitUntil("the first round") { try database.status().results.success == 50 }
        #expect(poller.status.holder == "this process")
        #expect(try database.leaseHolder(BackgroundPoller.leaseName, now: Date().timeIntervalSince1970) == "1@test")

        #expect(poller.stop())
        #expect(poller.status.holder == nil, "the loop has returned")
        #expect(try database.leaseHolder(BackgroundPoller.leaseName, now: Date().timeIntervalSince1970) == nil)
        // Stopping again (every way out of the dashboard stops it) does not wait.
        let again = Date()
        #expect(poller.stop())
        #expect(Date().timeIntervalSince(again) < 1)
    }

    @Test func aPollerThatNeverStartedStopsAtOnce() throws {
        let database = try CutoverDatabase(path: folder.appendingPathComponent("cutover.sqlite").path)
        let poller = BackgroundPoller(config: try config(), database: database, holder: "1@test")
        #expect(poller.stop())
        #expect(try database.leaseHolder(BackgroundPoller.leaseName, now: Date().timeIntervalSince1970) == nil)
    }
}

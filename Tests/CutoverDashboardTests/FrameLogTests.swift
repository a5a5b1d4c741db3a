import CutoverTerminal
import Foundation
import Testing

@testable import CutoverDashboard

/// `make load`'s frame log: one line per drawn frame, with the page and the cost split into load, render and
/// flush; nothing is written without one.
@Suite struct FrameLogTests {
    /// Serves the fixture's pages and counts the loads.
    final class FixtureLoader: PageLoader {
        var loads = 0

        func load(_ query: PageQuery) throws -> PageContent {
            loads += 1
            switch query.page {
            case .jobs: return .jobs(DashboardFixture.jobs)
            case .nonPrimary: return .nonPrimary(DashboardFixture.nonPrimary)
            case .events: return .events(DashboardFixture.events)
            default: return .cohorts(DashboardFixture.cohorts)
            }
        }

        func header(_ base: HeaderInfo) throws -> HeaderInfo { base }
        func dataChanged() -> Bool { false }
    }

    /// A clock that moves a second each time it is read, so every pass of the loop may draw a frame.
    final class SteppingClock: @unchecked Sendable {
        var now = DashboardFixture.now
        func read() -> Double {
            now += 1
            return now
        }
    }

    private func run(keys: [Key], frameLog: FrameLog?) -> MemoryBackend {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24), keys: keys)
        let clock = SteppingClock()
        let runtime = DashboardRuntime(
            state: AppState(
                mode: .readOnly, size: backend.size, glyphs: .unicode, header: DashboardFixture.header,
                now: DashboardFixture.now),
            backend: backend, loader: FixtureLoader(), performer: nil, clock: clock.read, frameLog: frameLog)
        _ = runtime.run()
        return backend
    }

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString).tsv").path
    }

    @Test func everyFrameIsOneLineWithItsPageAndItsParts() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let backend = run(keys: [.character("2"), .character("3"), .character("6"), .character("q")], frameLog: FrameLog(path: path))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.count == backend.frames.count)
        #expect(lines.allSatisfy { $0.count == 6 })
        let pages = lines.map { $0[2] }
        #expect(pages.first == "cohorts")
        #expect(["jobs", "non-primary", "events"].allSatisfy(pages.contains))
        for line in lines {
            let total = Double(line[1])!
            let parts = line[3...].map { Double($0)! }
            #expect(abs(total - parts.reduce(0, +)) < 0.01)
            #expect(parts.allSatisfy { $0 >= 0 })
        }
    }

    @Test func aPageSwitchIsLoggedUnderTheNewPage() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = run(keys: [.character("2"), .character("q")], frameLog: FrameLog(path: path))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let jobs = lines.first { $0.split(separator: "\t")[2] == "jobs" }
        #expect(jobs != nil)
    }

    @Test func anUnwritablePathMeansNoLogRatherThanNoDashboard() {
        #expect(FrameLog(path: "/nonexistent-folder/frames.tsv") == nil)
    }
}

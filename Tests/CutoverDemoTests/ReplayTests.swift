import Foundation
import Testing

@testable import CutoverDemo

@Suite("Replay over time")
struct ReplayTests {
    let plan = Fixture.demoPlan
    var early: Double { plan.startEpoch + 25 * 60 }
    var later: Double { plan.startEpoch + 70 * 60 }

    @Test("advancing to t1 then t2 equals advancing to t2 directly, byte for byte")
    func stepwiseEqualsDirect() throws {
        let stepwise = try GeneratedFolder.generate(
            plan, at: [plan.startEpoch, early, early + 7.5, later], label: "steps")
        let direct = try GeneratedFolder.generate(plan, at: [later], label: "direct")
        defer {
            stepwise.remove()
            direct.remove()
        }
        let a = stepwise.snapshot()
        let b = direct.snapshot()
        #expect(Set(a.keys) == Set(b.keys))
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty)
    }

    @Test("writing the static files and advancing again to the same t changes nothing, not even mtimes")
    func idempotent() throws {
        let folder = try GeneratedFolder.generate(plan, at: [later], label: "twice")
        defer { folder.remove() }
        let before = folder.snapshot()
        let identities = folder.fileIdentities()
        let writer = DemoWriter(plan: plan, directory: folder.url)
        try writer.writeStatic()
        let progress = try writer.advance(to: later)
        #expect(folder.snapshot() == before)
        #expect(folder.fileIdentities() == identities)
        #expect(progress.jobsSubmitted > 0 && !progress.finished)
    }

    @Test("a new writer over the same folder carries on where the last one stopped")
    func restartedWriterContinues() throws {
        let restarted = try GeneratedFolder.generate(plan, at: [early], label: "restart")
        defer { restarted.remove() }
        try DemoWriter(plan: DemoPlanner.plan(DemoOptions()), directory: restarted.url).advance(to: plan.endEpoch)
        let a = restarted.snapshot()
        let b = Fixture.demo.snapshot()
        #expect(Set(a.keys) == Set(b.keys))
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty)
    }

    @Test("a line torn by an interrupted write is cut and rewritten whole")
    func tornLineIsRepaired() throws {
        let folder = try GeneratedFolder.generate(plan, at: [early], label: "torn")
        defer { folder.remove() }
        let running = try #require(
            folder.jobFolders().first {
                !FileManager.default.fileExists(atPath: folder.url.path + "/" + $0.manifestPath)
            })
        let handle = try FileHandle(forWritingTo: folder.url.appendingPathComponent(running.successPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"inputFile\":\"input/tor".utf8))
        try handle.close()
        try DemoWriter(plan: plan, directory: folder.url).advance(to: plan.endEpoch)
        #expect(folder.text(running.successPath) == Fixture.demo.text(running.successPath))
    }

    @Test("progress only grows, and is final at endEpoch")
    func progressIsMonotonic() throws {
        let folder = GeneratedFolder(url: GeneratedFolder.temporary("progress"))
        defer { folder.remove() }
        let writer = DemoWriter(plan: plan, directory: folder.url)
        var previous: DemoProgress?
        for minutes in stride(from: 0.0, through: (plan.endEpoch - plan.startEpoch) / 60 + 5, by: 15) {
            let progress = try writer.advance(to: plan.startEpoch + minutes * 60)
            if let previous {
                #expect(progress.jobsSubmitted >= previous.jobsSubmitted)
                #expect(progress.jobsFinished >= previous.jobsFinished)
                #expect(progress.resultLinesWritten >= previous.resultLinesWritten)
                #expect(progress.eventsWritten >= previous.eventsWritten)
            }
            previous = progress
        }
        let end = try writer.advance(to: plan.endEpoch)
        #expect(end.finished)
        #expect(end.jobsSubmitted == plan.jobCount)
        #expect(end.jobsRunning == 1)
        #expect(end.jobsFinished == plan.jobCount - 1)
        #expect(try writer.advance(to: plan.endEpoch + 86_400) == end)
    }

    @Test("batches not submitted yet have no result lines and no job list entry")
    func unsubmittedBatchesAreSilent() throws {
        let folder = try GeneratedFolder.generate(plan, at: [early], label: "early")
        defer { folder.remove() }
        let summaries = try folder.jobSummaries().summaries
        let submitted = Set(summaries.compactMap { $0["jobName"] as? String })
        #expect(submitted.count < plan.jobCount)
        var keysWithLines = Set<String>()
        for job in folder.jobFolders() {
            for path in [job.successPath, job.warningPath, job.failurePath] {
                keysWithLines.formUnion(try folder.inputFiles(path))
            }
        }
        let unsubmittedBatches = Set(
            folder.inventory().rows.map { row in row[0].split(separator: "/").prefix(3).joined(separator: "/") }
        ).filter { batch in
            !submitted.contains(batch.split(separator: "/").dropFirst().joined(separator: "-"))
        }
        #expect(!unsubmittedBatches.isEmpty)
        #expect(!keysWithLines.contains { key in unsubmittedBatches.contains { key.hasPrefix($0 + "/") } })
    }
}

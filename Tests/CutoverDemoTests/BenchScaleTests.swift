import Foundation
import Testing

@testable import CutoverDemo

@Suite("Bench scale")
struct BenchScaleTests {
    @Test("bench(resultLines: 20_000) gives about 20k lines in folders of up to 5,000, every job finished")
    func smallBench() throws {
        let plan = DemoPlanner.plan(DemoOptions(scale: .bench(resultLines: 20_000)))
        let folder = GeneratedFolder(url: GeneratedFolder.temporary("bench20k"))
        defer { folder.remove() }
        let writer = DemoWriter(plan: plan, directory: folder.url)
        try writer.writeStatic()
        let progress = try writer.advance(to: plan.endEpoch)
        #expect(progress.finished && progress.jobsRunning == 0)
        let lines = folder.jobFolders().reduce(0) { total, job in
            total + [job.successPath, job.warningPath, job.failurePath].reduce(0) { $0 + folder.lines($1).count }
        }
        #expect(lines == progress.resultLinesWritten)
        #expect((17_000...23_000).contains(lines), "\(lines) lines")
        #expect((4...12).contains(folder.jobFolders().count))
        #expect(folder.jobFolders().allSatisfy { folder.data($0.manifestPath) != nil })
        #expect(plan.jobs.allSatisfy { $0.instanceCount <= 5_000 })
        #expect(folder.inventory().rows.count == plan.sourceInstanceCount)
        let statuses = try folder.jobSummaries().summaries.compactMap { $0["jobStatus"] as? String }
        #expect(!statuses.contains("IN_PROGRESS"))
    }
}

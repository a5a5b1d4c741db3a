import Testing

@testable import CutoverDemo

/// The migration's story must not depend on a lucky seed: `cutover demo --seed N` shows the same features.
@Suite("Every seed tells the same story")
struct PlanStoryTests {
    @Test("one FAILED job, one stalled job, a retry and re-sent cardiology studies", arguments: [1, 2, 3, 99, 12_345])
    func specialJobs(seed: UInt64) {
        let plan = DemoPlanner.plan(DemoOptions(seed: seed))
        #expect(plan.jobs.filter { $0.kind == .failed }.count == 1)
        #expect(plan.jobs.filter { $0.kind == .stalled }.count == 1)
        #expect(plan.jobs.filter { $0.kind == .retry }.count == 1)
        let resent = plan.studies.filter(\.isResend)
        #expect(!resent.isEmpty && resent.allSatisfy { plan.cohorts[Int($0.cohort)].name == "cardiology" })
        #expect(plan.jobs.allSatisfy { (50...5_000).contains($0.instanceCount) })
        #expect((180...300).contains(plan.jobCount))
        let stalled = plan.jobs.first { $0.kind == .stalled }
        #expect(stalled.map { $0.settledMs <= plan.endMs && $0.stallCount > 0 } == true)
    }

    @Test("warnings stay near 1-2 % and server errors are few", arguments: [1, 2, 3, 99, 12_345])
    func outcomeMix(seed: UInt64) {
        let plan = DemoPlanner.plan(DemoOptions(seed: seed))
        let lines = plan.jobs.reduce(0) { $0 + $1.tally.lines }
        let warnings = plan.jobs.reduce(0) { $0 + $1.tally.warning }
        let server = plan.jobs.reduce(0) { $0 + $1.tally.serverError }
        let share = Double(warnings) / Double(lines)
        #expect(share > 0.008 && share < 0.03, "warning share \(share)")
        #expect((1...200).contains(server))
        #expect(plan.series.contains { $0.syntax == .mpeg4 })
        #expect(plan.series.contains { $0.kind.hasPixelData && !$0.syntax.isSupportedByAHI })
    }

    @Test("tiny and odd bench sizes still plan a complete migration", arguments: [0, 1, 1_000, 7_777])
    func tinyBench(lines: Int) {
        let plan = DemoPlanner.plan(DemoOptions(scale: .bench(resultLines: lines)))
        #expect(plan.jobs.allSatisfy { $0.kind != .stalled })
        #expect(plan.jobs.contains { $0.kind == .failed })
        #expect(plan.jobs.allSatisfy { $0.instanceCount <= 5_000 && $0.instanceCount > 0 })
        #expect(plan.endEpoch >= plan.jobs.map { Double($0.endedMs) / 1000 }.max() ?? 0)
    }
}

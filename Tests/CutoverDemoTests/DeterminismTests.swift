import Foundation
import Testing

@testable import CutoverDemo

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same seed gives a byte-identical folder")
    func sameSeedSameTree() throws {
        let again = try GeneratedFolder.generate(
            DemoPlanner.plan(DemoOptions()), at: [Fixture.demoPlan.endEpoch], label: "again")
        defer { again.remove() }
        let first = Fixture.demo.snapshot()
        let second = again.snapshot()
        #expect(first.count > 700)
        #expect(Set(first.keys) == Set(second.keys))
        let differing = first.keys.filter { first[$0] != second[$0] }.sorted()
        #expect(differing.isEmpty, "differing files: \(differing.prefix(5))")
    }

    @Test("a different seed gives different ids, keys and contents")
    func differentSeedDifferentTree() throws {
        let scale = DemoScale.bench(resultLines: 3_000)
        let a = DemoPlanner.plan(DemoOptions(seed: 7, scale: scale))
        let b = DemoPlanner.plan(DemoOptions(seed: 8, scale: scale))
        #expect(a.datastoreId != b.datastoreId)
        let folderA = try GeneratedFolder.generate(a, at: [a.endEpoch], label: "seed7")
        let folderB = try GeneratedFolder.generate(b, at: [b.endEpoch], label: "seed8")
        defer {
            folderA.remove()
            folderB.remove()
        }
        #expect(folderA.data("inventory/source-inventory.csv") != folderB.data("inventory/source-inventory.csv"))
        #expect(Set(folderA.snapshot().keys).isDisjoint(with: folderB.snapshot().keys.filter { $0.hasPrefix("jobs/") }))
    }

    @Test("plans are cheap and agree with their public summary")
    func planSummary() {
        let plan = Fixture.demoPlan
        #expect(plan.cohortNames == ["ed-2019", "cardiology", "mammography", "oncology-pet", "research-2024"])
        #expect(plan.datastoreId.count == 32 && plan.datastoreId.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(plan.startEpoch == 1_795_766_400)
        #expect(plan.endEpoch > plan.startEpoch + 3_600)
        #expect((200...280).contains(plan.jobCount))
        #expect((90_000...115_000).contains(plan.sourceInstanceCount))
    }
}

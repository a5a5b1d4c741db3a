import Foundation
import Testing

@testable import CutoverDemo

/// research-2024 is the one cohort with nothing to review: the demo needs a cohort that can reach `ready`.
@Suite("The clean research cohort")
struct ResearchCohortTests {
    let folder = Fixture.demo
    static let cohort = "research-2024"
    static let prefix = "input/research-2024/"
    static let syntaxes: Set<String> = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]

    func researchRows() -> [[String]] { folder.inventory().rows.filter { $0[13] == Self.cohort } }

    @Test("research-2024 is the fifth cohort, with a cohort block in cutover.toml")
    func presentInConfigAndInventory() {
        #expect(Fixture.demoPlan.cohortNames.last == Self.cohort)
        let rows = researchRows()
        let share = Double(rows.count) / Double(Fixture.demoPlan.sourceInstanceCount)
        #expect(share > 0.02 && share < 0.06, "research share \(share)")
        #expect(rows.allSatisfy { $0[0].hasPrefix(Self.prefix) && $0[11].hasPrefix("RS") })
        #expect(
            folder.text("cutover.toml").contains(
                "[[cohorts]]\nname = \"research-2024\"\nprefix = \"input/research-2024/\"\nregion_profile = \"au\""))
    }

    @Test("no warning or failure line anywhere names a research key")
    func noWarningOrFailureLines() throws {
        for job in folder.jobFolders() {
            for path in [job.warningPath, job.failurePath] {
                #expect(try folder.inputFiles(path).allSatisfy { !$0.hasPrefix(Self.prefix) }, "\(path)")
            }
        }
    }

    @Test("every research success line is primary, one image set per study")
    func primaryImageSets() throws {
        var imageSetOfStudy: [String: Set<String>] = [:]
        var lines = 0
        for job in folder.jobFolders() {
            for line in try folder.ndjson(job.successPath) {
                let key = try #require(line["inputFile"] as? String)
                guard key.hasPrefix(Self.prefix) else { continue }
                lines += 1
                let response = try #require(line["importResponse"] as? [String: Any])
                #expect(response["isPrimary"] as? Bool == true, "\(key)")
                let study = key.split(separator: "/")[3]
                imageSetOfStudy[String(study), default: []].insert(try #require(response["imageSetId"] as? String))
            }
        }
        #expect(lines > 0)
        #expect(imageSetOfStudy.values.allSatisfy { $0.count == 1 })
        let imageSets = imageSetOfStudy.values.flatMap { $0 }
        #expect(Set(imageSets).count == imageSets.count, "no two studies share an image set")
    }

    @Test("research manifests count no customer or server errors and only primary image sets")
    func cleanManifests() throws {
        let jobs = folder.jobFolders().filter { $0.cohort == Self.cohort }
        #expect(!jobs.isEmpty)
        for job in jobs {
            let summary = try #require(try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])
            #expect(summary["numberOfFilesWithCustomerError"] as? Int == 0)
            #expect(summary["numberOfFilesWithServerError"] as? Int == 0)
            #expect(summary["numberOfImportedFiles"] as? Int == summary["numberOfScannedFiles"] as? Int)
            let sets = try #require(summary["imageSetsSummary"] as? [[String: Any]])
            #expect(!sets.isEmpty && sets.allSatisfy { $0["isPrimary"] as? Bool == true })
        }
    }

    @Test("research inventory rows are single-frame CT or MR in Explicit or Implicit VR Little Endian")
    func onlyTranscodableSyntaxes() {
        let rows = researchRows()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { Self.syntaxes.contains($0[5]) })
        #expect(rows.allSatisfy { $0[7] == "1" })
        #expect(rows.allSatisfy { $0[6] == "CT" || $0[6] == "MR" })
    }

    @Test("every research job is COMPLETED in the job list")
    func allJobsCompleted() throws {
        let research = try folder.jobSummaries().summaries.filter {
            ($0["jobName"] as? String)?.hasPrefix(Self.cohort + "-") == true
        }
        #expect(!research.isEmpty)
        #expect(research.count == folder.jobFolders().filter { $0.cohort == Self.cohort }.count)
        #expect(research.allSatisfy { $0["jobStatus"] as? String == "COMPLETED" && $0["message"] == nil })
        #expect(research.allSatisfy { ($0["jobName"] as? String)?.hasSuffix("-retry1") == false })
    }

    @Test("every research inventory instance has exactly one success line")
    func oneSuccessLineEach() throws {
        var successes: [String: Int] = [:]
        for job in folder.jobFolders() {
            for key in try folder.inputFiles(job.successPath) where key.hasPrefix(Self.prefix) {
                successes[key, default: 0] += 1
            }
        }
        let keys = researchRows().map { $0[0] }
        #expect(Set(successes.keys) == Set(keys))
        #expect(successes.values.allSatisfy { $0 == 1 })
    }

    @Test("the research cohort stays clean and out of the story at every seed", arguments: [1, 2, 3, 42, 99, 12_345])
    func cleanAtEverySeed(seed: UInt64) {
        let plan = DemoPlanner.plan(DemoOptions(seed: seed))
        let research = plan.jobs.filter { plan.cohorts[$0.cohort].name == Self.cohort }
        #expect(!research.isEmpty)
        for job in research {
            #expect(job.kind == .regular)
            #expect(job.serverErrors == 0)
            #expect(job.tally.lines == job.instanceCount && job.tally.success == job.instanceCount)
        }
        #expect(plan.studies.allSatisfy { !$0.isResend || plan.cohorts[Int($0.cohort)].name != Self.cohort })
    }

    @Test("bench scale keeps the research cohort clean too")
    func cleanAtBench() {
        let plan = DemoPlanner.plan(DemoOptions(scale: .bench(resultLines: 20_000)))
        let research = plan.jobs.filter { plan.cohorts[$0.cohort].name == Self.cohort }
        #expect(!research.isEmpty)
        #expect(research.allSatisfy { $0.kind == .regular && $0.tally.success == $0.instanceCount })
    }
}

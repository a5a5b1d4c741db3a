import Foundation
import Testing

@testable import CutoverDemo

@Suite("What the dashboard needs to see")
struct RealismTests {
    let folder = Fixture.demo

    /// Result lines per cohort, all jobs together.
    func lines(_ file: KeyPath<GeneratedFolder.JobFolder, String>) throws -> [(cohort: String, line: [String: Any])] {
        try folder.jobFolders().flatMap { job in try folder.ndjson(job[keyPath: file]).map { (job.cohort, $0) } }
    }

    @Test("non-primary image sets are concentrated in cardiology and absent from ed-2019")
    func nonPrimaryConcentration() throws {
        let success = try lines(\.successPath)
        func nonPrimary(_ cohort: String) -> Int {
            success.filter {
                $0.cohort == cohort && ($0.line["importResponse"] as? [String: Any])?["isPrimary"] as? Bool == false
            }.count
        }
        #expect(nonPrimary("cardiology") > 50)
        #expect(nonPrimary("ed-2019") == 0)
        let manifests = try folder.jobFolders().compactMap { job -> [[String: Any]]? in
            guard folder.data(job.manifestPath) != nil else { return nil }
            return (try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])?["imageSetsSummary"]
                as? [[String: Any]]
        }.flatMap { $0 }
        #expect(manifests.contains { $0["isPrimary"] as? Bool == false })
        #expect(manifests.filter { $0["isPrimary"] as? Bool == true }.count > manifests.count * 9 / 10)
    }

    @Test("about 1-2 % of lines are warnings, across several codes, with PascalCase types")
    func warningMix() throws {
        let warnings = try lines(\.warningPath)
        let total = try lines(\.successPath).count + warnings.count + lines(\.failurePath).count
        let share = Double(warnings.count) / Double(total)
        #expect(share > 0.01 && share < 0.02, "warning share \(share)")
        var codes: [Int: Set<String>] = [:]
        for (_, line) in warnings {
            let response = try #require(line["importResponse"] as? [String: Any])
            #expect(response["imageSetVersion"] is Int && response["isPrimary"] is Bool)
            for warning in try #require(response["warnings"] as? [[String: Any]]) {
                let code = try #require(warning["warning_reason_code"] as? Int)
                let type = try #require(warning["type"] as? String)
                #expect(type.first?.isUppercase == true && !type.contains("_"))
                #expect(warning["message"] is String)
                codes[code, default: []].insert(type)
            }
        }
        #expect(Set(codes.keys).isSuperset(of: [45330, 45312, 45328, 45329, 45056, 45570, 45344]))
        #expect(codes[45330] == ["InvalidOffsetTable"])
        #expect(codes.values.allSatisfy { $0.count == 1 })
    }

    @Test("frame warnings land on multi-frame files and 45344 on unsupported transfer syntaxes")
    func warningsWhereRealistic() throws {
        let rows = Dictionary(uniqueKeysWithValues: folder.inventory().rows.map { ($0[0], $0) })
        let unsupported: Set<String> = ["1.2.840.10008.1.2.4.53", "1.2.840.10008.1.2.4.94", "1.2.840.113619.5.2"]
        for (_, line) in try lines(\.warningPath) {
            let row = try #require(rows[line["inputFile"] as? String ?? ""])
            let response = line["importResponse"] as? [String: Any] ?? [:]
            let codes = Set(
                (response["warnings"] as? [[String: Any]] ?? []).compactMap { $0["warning_reason_code"] as? Int })
            if !codes.isDisjoint(with: [45328, 45329, 45330]) { #expect((Int(row[7]) ?? 1) > 1) }
            #expect(codes.contains(45344) == unsupported.contains(row[5]))
        }
    }

    @Test("customer errors are ValidationExceptions with 'does not exist' messages")
    func customerErrors() throws {
        let failures = try lines(\.failurePath)
        #expect(failures.count > 100)
        for (_, line) in failures {
            let exception = try #require(line["exception"] as? [String: Any])
            #expect(exception["exceptionType"] as? String == "ValidationException")
            #expect((exception["message"] as? String)?.hasSuffix("does not exist") == true)
        }
        #expect(
            failures.contains {
                ($0.line["exception"] as? [String: Any])?["message"] as? String
                    == "DICOM attribute TransferSyntaxUID does not exist"
            })
    }

    @Test("a later retry job re-imports previously failed keys successfully")
    func retryResolvesFailures() throws {
        let summaries = try folder.jobSummaries().summaries
        let submittedAt = Dictionary(
            uniqueKeysWithValues: summaries.map { ($0["jobId"] as? String ?? "", $0["submittedAt"] as? Double ?? 0) })
        var failedIn: [String: String] = [:]
        var importedIn: [String: [String]] = [:]
        for job in folder.jobFolders() {
            for key in try folder.inputFiles(job.failurePath) { failedIn[key] = job.jobId }
            for key in try folder.inputFiles(job.successPath) + folder.inputFiles(job.warningPath) {
                importedIn[key, default: []].append(job.jobId)
            }
        }
        let retried = failedIn.filter { key, failedJob in
            importedIn[key]?.contains { (submittedAt[$0] ?? 0) > (submittedAt[failedJob] ?? .infinity) } == true
        }
        #expect(retried.count >= 50)
        #expect(Set(retried.values).count == 1, "one original job")
        #expect(summaries.contains { ($0["jobName"] as? String)?.hasSuffix("-retry1") == true })
    }

    @Test("a few server errors are counted in manifests, and their files appear in no output file")
    func serverErrors() throws {
        var total = 0
        for job in folder.jobFolders() where folder.data(job.manifestPath) != nil {
            let summary = try #require(try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])
            total += summary["numberOfFilesWithServerError"] as? Int ?? 0
        }
        #expect((5...200).contains(total))
    }

    @Test("job and image set ids are 32 lowercase hex characters")
    func identifiers() throws {
        func isId(_ s: String) -> Bool { s.count == 32 && s.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
        for job in folder.jobFolders() {
            #expect(isId(job.jobId))
            for line in try folder.ndjson(job.successPath).prefix(20) {
                #expect(isId((line["importResponse"] as? [String: Any])?["imageSetId"] as? String ?? ""))
            }
        }
    }
}

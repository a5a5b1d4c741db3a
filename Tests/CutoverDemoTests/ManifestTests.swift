import Foundation
import Testing

@testable import CutoverDemo

@Suite("Manifests agree with the result lines")
struct ManifestTests {
    let folder = Fixture.demo

    @Test("counters match the lines of every finished job")
    func countersMatchLines() throws {
        let jobs = folder.jobFolders()
        let finished = jobs.filter { folder.data($0.manifestPath) != nil }
        #expect(finished.count == jobs.count - 1, "all but the stalled job have a manifest")
        for job in finished {
            let summary = try #require(try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])
            let success = folder.lines(job.successPath).count
            let warning = folder.lines(job.warningPath).count
            let failure = folder.lines(job.failurePath).count
            let imported = try #require(summary["numberOfImportedFiles"] as? Int)
            let customer = try #require(summary["numberOfFilesWithCustomerError"] as? Int)
            let server = try #require(summary["numberOfFilesWithServerError"] as? Int)
            let scanned = try #require(summary["numberOfScannedFiles"] as? Int)
            #expect(imported == success + warning, "\(job.path)")
            #expect(customer == failure, "\(job.path)")
            #expect(scanned == imported + customer + server, "\(job.path)")
            #expect(scanned <= 5_000)
            let sets = try #require(summary["imageSetsSummary"] as? [[String: Any]])
            #expect(summary["numberOfGeneratedImageSets"] as? Int == sets.count)
            #expect(sets.reduce(0) { $0 + ($1["numberOfMatchedSOPInstances"] as? Int ?? 0) } == imported)
            #expect(sets.allSatisfy { $0["imageSetVersion"] is Int && $0["isPrimary"] is Bool })
            #expect(summary["jobId"] as? String == job.jobId)
        }
    }

    @Test("every field of the reference's jobSummary is present, with per-job S3 URIs")
    func manifestShape() throws {
        let job = try #require(folder.jobFolders().first { folder.data($0.manifestPath) != nil })
        let summary = try #require(try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])
        let keys = [
            "jobId", "datastoreId", "inputS3Uri", "outputS3Uri", "successOutputS3Uri", "failureOutputS3Uri",
            "warningsOutputS3Uri", "numberOfScannedFiles", "numberOfImportedFiles", "numberOfFilesWithCustomerError",
            "numberOfFilesWithServerError", "numberOfGeneratedImageSets", "imageSetsSummary",
        ]
        #expect(Set(summary.keys) == Set(keys))
        let output = try #require(summary["outputS3Uri"] as? String)
        let folderName = try #require(job.path.split(separator: "/").last)
        #expect(output == "s3://st-elsewhere-ahi-output/\(job.cohort)/\(folderName)/")
        #expect(summary["successOutputS3Uri"] as? String == output + "SUCCESS/")
        #expect(summary["warningsOutputS3Uri"] as? String == output + "WARNING/")
        #expect(
            (summary["inputS3Uri"] as? String)?.hasPrefix("s3://st-elsewhere-ahi-input/input/\(job.cohort)/batch-")
                == true)
    }

    @Test("success files hold one line per success-outcome instance of the plan")
    func successLinesMatchPlan() throws {
        let plan = Fixture.demoPlan
        for job in plan.jobs where job.kind != .failed {
            let contents = plan.contents(of: job)
            let expected = contents.order.prefix(job.stallCount).filter { contents.outcomes[Int($0)].kind == .success }
            let path = plan.jobFolderPath(job) + "/SUCCESS/success.ndjson"
            #expect(folder.lines(path).count == expected.count, "\(job.name)")
            #expect(job.tally.success == expected.count)
        }
    }

    @Test("each instance of a finished job is in exactly one line of that job, except server errors")
    func everyInstanceAccountedFor() throws {
        let keys = folder.inventory().rows.map { $0[0] }
        for job in folder.jobFolders() where folder.data(job.manifestPath) != nil {
            let summary = try #require(try folder.json(job.manifestPath)["jobSummary"] as? [String: Any])
            let input = try #require(summary["inputS3Uri"] as? String)
            let prefix = String(input.dropFirst("s3://st-elsewhere-ahi-input/".count))
            let expected = Set(keys.filter { $0.hasPrefix(prefix) })
            let lines = try [job.successPath, job.warningPath, job.failurePath].flatMap { try folder.inputFiles($0) }
            #expect(Set(lines).count == lines.count, "a key appears twice in \(job.path)")
            #expect(Set(lines).isSubset(of: expected))
            #expect(expected.count - lines.count == summary["numberOfFilesWithServerError"] as? Int)
        }
    }
}

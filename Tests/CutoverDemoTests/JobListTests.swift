import Foundation
import Testing

@testable import CutoverDemo

@Suite("ListDICOMImportJobs and GetDICOMImportJob files")
struct JobListTests {
    let folder = Fixture.demo

    @Test("at the end exactly one job is FAILED and exactly one is IN_PROGRESS")
    func oneFailedOneInProgress() throws {
        let summaries = try folder.jobSummaries().summaries
        #expect(summaries.count == Fixture.demoPlan.jobCount)
        let statuses = summaries.compactMap { $0["jobStatus"] as? String }
        #expect(statuses.filter { $0 == "FAILED" }.count == 1)
        #expect(statuses.filter { $0 == "IN_PROGRESS" }.count == 1)
        #expect(statuses.filter { $0 == "COMPLETED" }.count == summaries.count - 2)
        let failed = try #require(summaries.first { $0["jobStatus"] as? String == "FAILED" })
        let message = try #require(failed["message"] as? String)
        #expect(message.hasPrefix("DICOM import job has failed."))
        #expect(summaries.filter { $0["message"] != nil }.count == 1)
    }

    @Test("pages hold at most 50 jobs and carry nextToken on all but the last")
    func paging() throws {
        let pages = try folder.jobSummaries().pages
        #expect(pages.count == (Fixture.demoPlan.jobCount + 49) / 50)
        for (i, page) in pages.enumerated() {
            let count = (page["jobSummaries"] as? [Any])?.count ?? 0
            #expect(count <= 50 && count > 0)
            #expect((page["nextToken"] != nil) == (i < pages.count - 1))
        }
    }

    @Test("timestamps are epoch-second numbers, newest job first, ended jobs carry endedAt")
    func wireFormat() throws {
        let summaries = try folder.jobSummaries().summaries
        let submitted = try summaries.map { try #require($0["submittedAt"] as? Double) }
        #expect(submitted == submitted.sorted(by: >))
        for summary in summaries {
            #expect(
                Set(summary.keys).isSuperset(of: ["jobId", "jobName", "jobStatus", "datastoreId", "dataAccessRoleArn"]))
            let ended = summary["endedAt"] as? Double
            #expect((ended != nil) == (summary["jobStatus"] as? String != "IN_PROGRESS"))
            if let ended { #expect(ended > (summary["submittedAt"] as? Double ?? .infinity)) }
            let id = summary["jobId"] as? String ?? ""
            #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test("GetDICOMImportJob responses exist for the FAILED and the IN_PROGRESS job")
    func jobProperties() throws {
        let summaries = try folder.jobSummaries().summaries
        for status in ["FAILED", "IN_PROGRESS"] {
            let summary = try #require(summaries.first { $0["jobStatus"] as? String == status })
            let id = try #require(summary["jobId"] as? String)
            let properties = try #require(try folder.json("api/jobs/\(id).json")["jobProperties"] as? [String: Any])
            #expect(properties["jobStatus"] as? String == status)
            #expect(properties["inputS3Uri"] is String && properties["outputS3Uri"] is String)
            #expect((properties["outputS3Uri"] as? String)?.hasSuffix("-DicomImport-\(id)/") == true)
            #expect((properties["message"] != nil) == (status == "FAILED"))
        }
        #expect(folder.files(under: "api/jobs").count == 2)
    }

    @Test("the FAILED job has no output folder and none of its files has a line anywhere")
    func failedJobHasNoLines() throws {
        let summaries = try folder.jobSummaries().summaries
        let failed = try #require(summaries.first { $0["jobStatus"] as? String == "FAILED" })
        let id = try #require(failed["jobId"] as? String)
        #expect(!folder.jobFolders().contains { $0.jobId == id })
        let properties = try #require(try folder.json("api/jobs/\(id).json")["jobProperties"] as? [String: Any])
        let prefix = try #require(
            (properties["inputS3Uri"] as? String)?.dropFirst("s3://st-elsewhere-ahi-input/".count))
        #expect(folder.inventory().rows.contains { $0[0].hasPrefix(prefix) })
        for job in folder.jobFolders() {
            for path in [job.successPath, job.warningPath, job.failurePath] {
                #expect(try !folder.inputFiles(path).contains { $0.hasPrefix(prefix) })
            }
        }
    }

    @Test("the IN_PROGRESS job has written some lines and no manifest")
    func stalledJobIsPartial() throws {
        let summaries = try folder.jobSummaries().summaries
        let running = try #require(summaries.first { $0["jobStatus"] as? String == "IN_PROGRESS" })
        let job = try #require(folder.jobFolders().first { $0.jobId == running["jobId"] as? String })
        #expect(folder.data(job.manifestPath) == nil)
        #expect(folder.lines(job.successPath).count > 100)
        let properties = try #require(try folder.json("api/jobs/\(job.jobId).json")["jobProperties"] as? [String: Any])
        let prefix = try #require(
            (properties["inputS3Uri"] as? String)?.dropFirst("s3://st-elsewhere-ahi-input/".count))
        let inventory = folder.inventory().rows.filter { $0[0].hasPrefix(prefix) }.count
        #expect(folder.lines(job.successPath).count < inventory)
    }
}

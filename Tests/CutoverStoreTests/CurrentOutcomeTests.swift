import CutoverCore
import CutoverStore
import Testing

/// "The newest job's outcome for an input key is current; earlier outcomes stay in history."
@Suite struct CurrentOutcomeTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    private func job(_ id: String, submittedAt: Double?, _ session: IngestSession) throws -> JobHandle {
        try session.merge(ImportJobObservation(jobId: id, datastoreId: "ds1", status: .completed, submittedAt: submittedAt))
    }

    @Test func aRetryThatSucceedsReplacesTheFailure() throws {
        try store.database.ingest { s in
            let first = try job("job1", submittedAt: 100, s)
            let file = try s.save(FileCursor(path: "f1", kind: "failure"))
            try s.addResult(ResultLine(inputFile: "in/a.dcm", outcome: .failure, exceptionType: "ValidationException"), job: first, file: file, line: 1)
            try s.addResult(ResultLine(inputFile: "in/b.dcm", outcome: .success, imageSetId: "set1", isPrimary: true), job: first, file: file, line: 2)
        }
        try store.database.ingest { s in
            let retry = try job("job2", submittedAt: 200, s)
            let file = try s.save(FileCursor(path: "f2", kind: "success"))
            try s.addResult(ResultLine(inputFile: "in/a.dcm", outcome: .success, imageSetId: "set1", isPrimary: true), job: retry, file: file, line: 1)
        }
        let status = try store.database.status()
        #expect(status.results == .init(success: 2, warning: 0, failure: 0))
        #expect(status.resultHistory == 3)
    }

    @Test func anOlderJobReadLaterDoesNotReplaceANewerOutcome() throws {
        try store.database.ingest { s in
            let newer = try job("job2", submittedAt: 200, s)
            let older = try job("job1", submittedAt: 100, s)
            let file = try s.save(FileCursor(path: "f", kind: "success"))
            try s.addResult(ResultLine(inputFile: "k", outcome: .success, imageSetId: "set1", isPrimary: true), job: newer, file: file, line: 1)
            try s.addResult(ResultLine(inputFile: "k", outcome: .failure), job: older, file: file, line: 2)
        }
        #expect(try store.database.status().results == .init(success: 1, warning: 0, failure: 0))
    }

    @Test func learningAJobsSubmitTimeLaterReordersItsResults() throws {
        try store.database.ingest { s in
            // Both jobs are first seen through their folders, with no time: the later read wins for now.
            let a = try s.job(jobId: "jobA", datastoreId: "ds1")
            let b = try s.job(jobId: "jobB", datastoreId: "ds1")
            let file = try s.save(FileCursor(path: "f", kind: "success"))
            try s.addResult(ResultLine(inputFile: "k", outcome: .warning, imageSetId: "set1", isPrimary: true,
                                       warnings: [ImportWarning(code: 45330)]), job: a, file: file, line: 1)
            try s.addResult(ResultLine(inputFile: "k", outcome: .failure), job: b, file: file, line: 2)
        }
        #expect(try store.database.status().results == .init(success: 0, warning: 0, failure: 1))
        // The job list then says jobA was submitted after jobB: jobA's warning becomes current.
        try store.database.ingest { s in
            _ = try job("jobB", submittedAt: 100, s)
            _ = try job("jobA", submittedAt: 200, s)
        }
        let status = try store.database.status()
        #expect(status.results == .init(success: 0, warning: 1, failure: 0))
        #expect(status.warningCodes == [45330: 1])
    }

    @Test func incrementalCountersEqualAFullRebuild() throws {
        try store.database.ingest { s in
            let jobs = try (0..<3).map { try job("job\($0)", submittedAt: Double($0), s) }
            let file = try s.save(FileCursor(path: "f", kind: "mixed"))
            var line = 0
            for (n, j) in jobs.enumerated() {
                for k in 0..<50 where (k + n) % 3 != 0 {
                    line += 1
                    let outcome: Outcome = [.success, .warning, .failure][(k * 7 + n) % 3]
                    let warnings = outcome == .warning ? [ImportWarning(code: 45312 + n), ImportWarning(code: 45330)] : []
                    try s.addResult(ResultLine(inputFile: "key\(k)", outcome: outcome, imageSetId: outcome == .failure ? nil : "set\(k % 4)",
                                               isPrimary: k % 5 != 0, warnings: warnings), job: j, file: file, line: line)
                }
            }
        }
        let incremental = try store.database.counters()
        try store.database.rebuildDerived()
        #expect(try store.database.counters() == incremental)
        #expect(incremental["current.success", default: 0] + incremental["current.warning", default: 0]
                + incremental["current.failure", default: 0] == 50)
    }
}

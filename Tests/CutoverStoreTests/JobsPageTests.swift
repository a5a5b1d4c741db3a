import CutoverStore
import Testing

/// The Jobs page: one row per job with its cohort, status, times and manifest counters; filter, sort, limit.
@Suite struct JobsPageTests {
    let fixture: PageFixture

    init() throws { fixture = try PageFixture() }

    @Test func rowsCarryCohortStatusTimesAndCounters() throws {
        let page = try fixture.database.jobsPage(PageRequest())
        #expect(page.total == 3)
        #expect(
            page.rows[1]
                == JobRow(
                    jobId: "job-ed-1", jobName: "ed first", cohort: "ed", status: "COMPLETED", submittedAt: 1000,
                    endedAt: 1600, scanned: 7, imported: 6, customerErrors: 1, serverErrors: 0, warningLines: 2,
                    failureLines: 1))
        #expect(page.rows[1].duration == 600)
        #expect(page.rows[0].cohort == "cardio")
        #expect(page.rows[2] == JobRow(jobId: "job-orphan"))
    }

    @Test(arguments: [
        ("no sort: newest first", PageRequest(), ["job-cardio-1", "job-ed-1", "job-orphan"]),
        ("unknown key: the default", PageRequest(sort: "bogus"), ["job-cardio-1", "job-ed-1", "job-orphan"]),
        ("submitted ascending", PageRequest(sort: "submitted"), ["job-ed-1", "job-cardio-1", "job-orphan"]),
        ("name", PageRequest(sort: "name"), ["job-cardio-1", "job-ed-1", "job-orphan"]),
        ("name descending", PageRequest(sort: "name", descending: true), ["job-ed-1", "job-cardio-1", "job-orphan"]),
        ("status", PageRequest(sort: "status"), ["job-ed-1", "job-cardio-1", "job-orphan"]),
        ("cohort", PageRequest(sort: "cohort"), ["job-cardio-1", "job-ed-1", "job-orphan"]),
        ("errors, most first", PageRequest(sort: "errors", descending: true), ["job-ed-1", "job-cardio-1", "job-orphan"]),
        ("duration", PageRequest(sort: "duration"), ["job-ed-1", "job-cardio-1", "job-orphan"]),
    ])
    func sortKeys(_ name: String, _ request: PageRequest, _ expected: [String]) throws {
        #expect(try fixture.database.jobsPage(request).rows.map(\.jobId) == expected, "\(name)")
    }

    @Test(arguments: [
        ("job id", "ED-1", ["job-ed-1"]),
        ("cohort name", "cardio", ["job-cardio-1"]),
        ("status of a job without one", "unknown", ["job-orphan"]),
        ("job name", "first", ["job-ed-1"]),
        ("nothing", "zzz", []),
    ])
    func filterMatchesTextColumnsIgnoringCase(_ name: String, _ filter: String, _ expected: [String]) throws {
        let page = try fixture.database.jobsPage(PageRequest(filter: filter))
        #expect(page.rows.map(\.jobId) == expected, "\(name)")
        #expect(page.total == expected.count)
    }

    @Test func theLimitCutsRowsButNotTheTotal() throws {
        let page = try fixture.database.jobsPage(PageRequest(limit: 1))
        #expect(page.rows.map(\.jobId) == ["job-cardio-1"])
        #expect(page.total == 3)
    }
}

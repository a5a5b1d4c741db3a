import CutoverCore
import CutoverFormats
import CutoverStore
import Testing

/// Findings derived from the inventory (what was sent) and the job outputs (what arrived), per product §3.
@Suite struct ReconciliationTests {
    let store: TemporaryDatabase
    /// Study S1: series A (a1, a2) and B (b1); study S2: series C (c1). All under input/ed/.
    static let inventory: [(key: String, study: String, series: String)] = [
        ("input/ed/a1.dcm", "S1", "A"), ("input/ed/a2.dcm", "S1", "A"), ("input/ed/b1.dcm", "S1", "B"),
        ("input/ed/c1.dcm", "S2", "C"),
    ]

    init() throws {
        store = try TemporaryDatabase()
        try store.database.defineCohort(name: "ed", .prefix("input/ed/"))
        try store.database.inventory { writer in
            for row in Self.inventory {
                try writer.add(
                    InventoryRecord(
                        inputKey: row.key, studyInstanceUID: row.study, seriesInstanceUID: row.series,
                        sopInstanceUID: row.key))
            }
        }
    }

    /// A finished job under input/ed/ with these result lines and a manifest.
    private func job(
        _ id: String, submittedAt: Double, _ lines: [ResultLine], serverErrors: Int = 0, status: JobStatus = .completed
    ) throws {
        try store.database.ingest { s in
            let handle = try s.merge(
                ImportJobObservation(
                    jobId: id, datastoreId: "ds", status: status, submittedAt: submittedAt,
                    inputS3Uri: "s3://bucket/input/ed/"))
            let file = try s.save(FileCursor(path: "\(id)/results", kind: "success"))
            for (n, line) in lines.enumerated() { try s.addResult(line, job: handle, file: file, line: n + 1) }
            if status == .completed {
                try s.apply(JobManifest(jobId: id, datastoreId: "ds", numberOfFilesWithServerError: serverErrors))
            }
        }
    }

    private func ok(_ key: String, set: String = "set1", primary: Bool = true) -> ResultLine {
        ResultLine(inputFile: key, outcome: .success, imageSetId: set, isPrimary: primary)
    }

    private func open() throws -> [String] {
        try store.database.findings().filter { $0.state.isOpen }
            .map { "\($0.kind.rawValue) \($0.subject)" + ($0.code.map { " \($0)" } ?? "") }.sorted()
    }

    @Test func aDeletedSuccessLineGivesExactlyOneMissing() throws {
        try job("j1", submittedAt: 1, [ok("input/ed/a1.dcm"), ok("input/ed/b1.dcm"), ok("input/ed/c1.dcm", set: "set2")])
        #expect(try open() == ["missing input/ed/a2.dcm"])
    }

    @Test func aKeyMissingFromAJobWithServerErrorsIsAServerError() throws {
        try job("j1", submittedAt: 1, [ok("input/ed/a1.dcm"), ok("input/ed/b1.dcm"), ok("input/ed/c1.dcm", set: "set2")],
                serverErrors: 1)
        #expect(try open() == ["server-error input/ed/a2.dcm"])
    }

    @Test func nothingIsMissingWhileTheJobRuns() throws {
        try job("j1", submittedAt: 1, [ok("input/ed/a1.dcm")], status: .inProgress)
        #expect(try open() == [])
    }

    @Test func everyKeyOfAFailedJobIsMissing() throws {
        try job("j1", submittedAt: 1, [], status: .failed)
        #expect(try open().count == 4)
    }

    @Test func aResultForAKeyNotInTheInventoryIsUnexpected() throws {
        try job("j1", submittedAt: 1, Self.inventory.map { ok($0.key, set: $0.study) } + [ok("input/ed/stray.dcm")])
        #expect(try open() == ["unexpected input/ed/stray.dcm"])
    }

    @Test func aNonPrimaryResultGivesANonPrimaryFindingForItsImageSet() throws {
        try job("j1", submittedAt: 1, [
            ok("input/ed/a1.dcm", set: "S1"), ok("input/ed/a2.dcm", set: "S1"), ok("input/ed/b1.dcm", set: "S1"),
            ok("input/ed/c1.dcm", set: "S2-conflict", primary: false),
        ])
        #expect(try open() == ["non-primary S2-conflict"])
        #expect(try store.database.openFindingCounts() == ["ed": ["non-primary": 1]])
    }

    @Test func oneStudyInTwoPrimaryImageSetsIsSplit() throws {
        try job("j1", submittedAt: 1, [
            ok("input/ed/a1.dcm", set: "X"), ok("input/ed/a2.dcm", set: "X"), ok("input/ed/b1.dcm", set: "Y"),
            ok("input/ed/c1.dcm", set: "Z"),
        ])
        #expect(try open() == ["split-study S1"])
    }

    @Test func aFailureFollowedByASuccessfulRetryLeavesTheFindingResolved() throws {
        let failure = ResultLine(inputFile: "input/ed/b1.dcm", outcome: .failure, exceptionType: "ValidationException")
        try job("j1", submittedAt: 1, [ok("input/ed/a1.dcm"), ok("input/ed/a2.dcm"), failure, ok("input/ed/c1.dcm", set: "set2")])
        #expect(try open() == ["customer-error input/ed/b1.dcm"])
        try job("retry", submittedAt: 2, [ok("input/ed/b1.dcm")])
        #expect(try open() == [])
        let all = try store.database.findings()
        #expect(all.map(\.state) == [.resolved])
        #expect(all.map(\.present) == [false])
    }

    @Test func warningsAreOneFindingPerCodeAndAWaivedOneStaysWaived() throws {
        let warned = ResultLine(
            inputFile: "input/ed/a1.dcm", outcome: .warning, imageSetId: "set1", isPrimary: true,
            warnings: [ImportWarning(code: 45330), ImportWarning(code: 45056)])
        try job("j1", submittedAt: 1, [warned, ok("input/ed/a2.dcm"), ok("input/ed/b1.dcm"), ok("input/ed/c1.dcm", set: "s2")])
        #expect(try open() == ["warning input/ed/a1.dcm 45056", "warning input/ed/a1.dcm 45330"])
        let offset = try #require(try store.database.findings(kind: .warning).first { $0.code == 45330 })
        try store.database.triage([offset.id], to: .waived, note: "viewer copes", actor: Actor(name: "ana"))
        // Ingest again: the condition still holds; the waiver stands.
        try job("j1", submittedAt: 1, [])
        #expect(try store.database.findings(kind: .warning).map(\.state).sorted { $0.rawValue < $1.rawValue }
                == [.open, .waived])
    }

    @Test func openFindingCountsFollowEveryDecisionAndIngestAtOnce() throws {
        let warned = ResultLine(
            inputFile: "input/ed/a1.dcm", outcome: .warning, imageSetId: "set1", isPrimary: true,
            warnings: [ImportWarning(code: 45330)])
        try job("j1", submittedAt: 1, [warned, ok("input/ed/a2.dcm"), ok("input/ed/b1.dcm")])
        #expect(try store.database.openFindingCounts() == ["ed": ["warning": 1, "missing": 1]])
        let warning = try #require(try store.database.findings(kind: .warning).first)
        try store.database.triage([warning.id], to: .waived, note: "viewer copes", actor: Actor(name: "ana"))
        #expect(try store.database.openFindingCounts() == ["ed": ["missing": 1]])
        try job("late", submittedAt: 2, [ok("input/ed/c1.dcm", set: "s2")])
        #expect(try store.database.openFindingCounts() == [:])
    }

    @Test(arguments: [
        (FindingState.open, FindingState.acknowledged, true), (.open, .waived, true), (.acknowledged, .waived, true),
        (.open, .retryQueued, true), (.resolved, .waived, false), (.waived, .acknowledged, false),
        (.open, .resolved, false), (.acknowledged, .open, false),
    ])
    func manualTriageFollowsTheStateMachine(from: FindingState, to: FindingState, allowed: Bool) {
        #expect(from.allowsManual(to) == allowed)
    }

    @Test func waivingNeedsANoteAndAResolvedFindingCannotBeWaived() throws {
        try job("j1", submittedAt: 1, [ok("input/ed/a1.dcm"), ok("input/ed/b1.dcm"), ok("input/ed/c1.dcm", set: "s2")])
        let missing = try #require(try store.database.findings().first)
        #expect(throws: TriageError.noteRequired(.waived)) {
            try store.database.triage([missing.id], to: .waived, note: " ", actor: Actor(name: "ana"))
        }
        try job("late", submittedAt: 2, [ok("input/ed/a2.dcm")])
        #expect(throws: TriageError.notAllowed(id: missing.id, from: .resolved, to: .waived)) {
            try store.database.triage([missing.id], to: .waived, note: "too late", actor: Actor(name: "ana"))
        }
    }
}

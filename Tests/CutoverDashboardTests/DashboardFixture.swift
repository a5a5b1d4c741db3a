import CutoverCore
import CutoverStore
import CutoverTerminal

@testable import CutoverDashboard

/// A small migration, fixed in time, with every page's data filled in: the screens' test bed.
enum DashboardFixture {
    static let now = 1_764_403_200.0  // 2025-11-29T08:00:00Z

    static let header = HeaderInfo(
        migration: "St Elsewhere PACS to AHI", datastores: ["b1f7c0de0000000000000000000000aa"], region: "ap-southeast-2",
        actor: "alice", host: "jump1", lastPoll: now - 12, pollInterval: 30, poller: "this process", quarantined: 2)

    static func gates(_ statuses: [GateStatus], reasons: [String] = []) -> [GateResult] {
        zip(GateName.allCases, statuses).map { name, status in
            GateResult(
                name: name, status: status, reasons: status == .pass ? [] : reasons,
                counts: name == .hierarchy ? ["expected": 1200, "imported": 1180] : [:])
        }
    }

    static let cohorts: [CohortRow] = [
        CohortRow(
            name: "cardiology", state: .validating, revision: 3, expectedInstances: 24_000, importedInstances: 23_950,
            failures: 0, warnings: 12, nonPrimary: 2, openFindings: 14,
            gates: gates([.pass, .pass, .hold, .pending], reasons: ["2 non-primary image sets are open"])),
        CohortRow(
            name: "ed-2019", state: .importing, expectedInstances: 40_000, importedInstances: 31_000, failures: 7,
            warnings: 40, openFindings: 47, gates: gates([.pending, .pending, .hold, .pending], reasons: ["import running"])),
        CohortRow(
            name: "mammography", state: .validating, held: true, holdReason: "vendor ticket 4411", revision: 5,
            expectedInstances: 8_000, importedInstances: 6_500, failures: 1_500, openFindings: 1_500,
            gates: gates([.hold, .pending, .pending, .pending], reasons: ["1,500 instances missing: job FAILED"])),
        CohortRow(
            name: "research-2024", state: .ready, revision: 9, expectedInstances: 5_000, importedInstances: 5_000,
            gates: gates([.pass, .pass, .pass, .pass])),
        CohortRow(name: "planned-later", state: .planned, expectedInstances: 0, importedInstances: 0, gates: gates([.pending, .pending, .pending, .pending])),
    ]

    static let jobs = PageSlice(
        rows: [
            JobRow(
                jobId: "4b0f3a9e1c2d", jobName: "ed-2019 batch 12", cohort: "ed-2019", status: "IN_PROGRESS",
                submittedAt: now - 600, endedAt: nil, scanned: nil, imported: nil, customerErrors: nil, serverErrors: nil,
                warningLines: 0, failureLines: 0),
            JobRow(
                jobId: "9c1d2e3f4a5b", jobName: "mammo 3", cohort: "mammography", status: "FAILED",
                submittedAt: now - 7_200, endedAt: now - 6_000, scanned: 5_000, imported: 3_500, customerErrors: 1_400,
                serverErrors: 100, warningLines: 0, failureLines: 1_500),
            JobRow(
                jobId: "0a1b2c3d4e5f", jobName: "研究 2024 一", cohort: "research-2024", status: "COMPLETED",
                submittedAt: now - 90_000, endedAt: now - 86_000, scanned: 5_000, imported: 5_000, customerErrors: 0,
                serverErrors: 0, warningLines: 3, failureLines: 0),
        ], total: 227)

    static let nonPrimary = PageSlice(
        rows: [
            NonPrimaryRow(
                imageSetId: "0f3e9a7c5b1d4e2f8a6c0b9d7e5f3a1c", studyInstanceUID: "1.2.826.0.1.3680043.8.498.1001",
                instances: 12, jobId: "7d8e9f0a1b2c", cohort: "cardiology", version: 1, findingState: .open, findingId: 41),
            NonPrimaryRow(
                imageSetId: "a1c3e5f7092b4d6f8a0c2e4f6a8b0c2d", studyInstanceUID: "1.2.826.0.1.3680043.8.498.1002",
                instances: 3, jobId: "7d8e9f0a1b2c", cohort: "cardiology", version: 2, findingState: .acknowledged,
                findingId: 42),
        ], total: 2)

    static let imageSet = ImageSetDetail(
        imageSetId: "0f3e9a7c5b1d4e2f8a6c0b9d7e5f3a1c",
        instances: (1...3).map { i in
            InstanceRow(
                key: "cardiology/S1001/SE1/IM\(i).dcm", studyInstanceUID: "1.2.826.0.1.3680043.8.498.1001",
                seriesInstanceUID: "1.2.826.0.1.3680043.8.498.1001.1", sopInstanceUID: "1.2.826.0.1.3680043.8.498.1001.1.\(i)",
                patientID: "MRN0042117", patientName: "DOE^JANE", accessionNumber: "ACC778812", outcome: "success")
        },
        conflicts: [AttributeConflict(attribute: "PatientName", values: ["DOE^JANE", "DOE^JANE^M"])])

    static let warnings = [
        WarningGroupRow(code: 45312, instances: 30, studies: 4, open: 28, acknowledged: 2, waived: 0, resolved: 0),
        WarningGroupRow(code: 45056, instances: 18, studies: 9, open: 18, acknowledged: 0, waived: 0, resolved: 0),
        WarningGroupRow(code: 45330, instances: 4, studies: 1, open: 0, acknowledged: 4, waived: 0, resolved: 0),
    ]

    static let warningInstances = PageSlice(
        rows: [
            WarningInstanceRow(
                findingId: 501, key: "ed-2019/S2/SE4/IM7.dcm", studyInstanceUID: "1.2.826.0.1.3680043.8.498.2002",
                message: "pixel data could not be transcoded", state: .open),
            WarningInstanceRow(
                findingId: 502, key: "ed-2019/S2/SE4/IM8.dcm", studyInstanceUID: "1.2.826.0.1.3680043.8.498.2002",
                message: "pixel data could not be transcoded", state: .acknowledged),
        ], total: 30)

    static let events = PageSlice(
        rows: [
            EventRow(
                seq: 912, epoch: now - 30, time: "2025-11-29T07:59:30Z", detailType: "Image Set Created",
                jobId: "4b0f3a9e1c2d", imageSetId: "0f3e9a7c5b1d", status: nil, isPrimary: false),
            EventRow(
                seq: 911, epoch: now - 6_000, time: "2025-11-29T06:20:00Z", detailType: "Import Job Failed",
                jobId: "9c1d2e3f4a5b", imageSetId: nil, status: "FAILED", isPrimary: nil),
        ], total: 912)

    static let audit = PageSlice(
        rows: [
            AuditEntry(
                seq: 12, at: now - 300, actor: "alice", host: "jump1", action: "hold", cohort: "mammography",
                detail: #"{"outcome":"holdSet","reason":"vendor ticket 4411"}"#),
            AuditEntry(
                seq: 11, at: now - 900, actor: "cutover", action: "gates-changed", cohort: "research-2024",
                detail: #"{"obligations":"pass"}"#),
        ], total: 12)

    /// A state on `page` with every page loaded, as the runtime would leave it.
    static func state(
        page: Page = .cohorts, size: TerminalSize = TerminalSize(columns: 120, rows: 40), ascii: Bool = false,
        mode: DashboardMode = .interactive
    ) -> AppState {
        var state = AppState(mode: mode, size: size, glyphs: ascii ? .ascii : .unicode, header: header, now: now)
        let contents: [(PageQuery, PageContent)] = [
            (PageQuery(page: .cohorts), .cohorts(cohorts)),
            (PageQuery(page: .jobs), .jobs(jobs)),
            (PageQuery(page: .nonPrimary), .nonPrimary(nonPrimary)),
            (PageQuery(page: .warnings), .warnings(warnings)),
            (PageQuery(page: .gates), .gates(GatesView(cohort: cohorts[0], attested: ["au-privacy-officer": "bob"]))),
            (PageQuery(page: .events), .events(events)),
            (PageQuery(page: .audit), .audit(audit, chain: .intact(rows: 12, head: "9f86d081884c7d65"))),
        ]
        for (query, content) in contents { _ = Reducer.reduce(&state, .loaded(query, content)) }
        state.page = page
        return state
    }
}

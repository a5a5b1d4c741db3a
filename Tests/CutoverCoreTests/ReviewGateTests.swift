import CutoverCore
import Testing

struct ReviewGateTests {
    typealias Case = GateCase

    static let cases: [Case] = [
        Case(name: "nothing open passes", evidence: Fixture.evidence(), status: .pass, reasons: []),
        Case(
            name: "hierarchy findings do not hold review",
            evidence: Fixture.evidence { $0.openFindings = [.missing: 3, .splitStudy: 1] }, status: .pass,
            reasons: []),
        Case(
            name: "no job yet is pending", evidence: Fixture.evidence { $0.jobsTotal = 0 }, status: .pending,
            reasons: ["no import job yet"]),
        Case(
            name: "one open non-primary image set holds",
            evidence: Fixture.evidence { $0.openFindings = [.nonPrimary: 1] },
            status: .hold, reasons: ["1 open non-primary image set"]),
        Case(
            name: "every reviewed kind is named, in order",
            evidence: Fixture.evidence {
                $0.openFindings = [.serverError: 1, .customerError: 2, .warning: 7, .nonPrimary: 4]
            }, status: .hold,
            reasons: [
                "4 open non-primary image sets", "7 open warnings", "2 open customer errors", "1 open server error",
            ]),
        Case(
            name: "open findings hold even while jobs run",
            evidence: Fixture.evidence {
                $0.jobsActive = 1
                $0.openFindings = [.warning: 1]
            }, status: .hold, reasons: ["1 open warning"]),
    ]

    @Test(arguments: cases)
    func evaluates(_ example: Case) {
        let result = Gates.review(example.evidence)
        #expect(result.name == .review)
        #expect(result.status == example.status)
        #expect(result.reasons == example.reasons)
    }

    @Test func countsEachReviewedKind() {
        let result = Gates.review(Fixture.evidence { $0.openFindings = [.warning: 7, .missing: 2] })
        #expect(result.counts == ["non-primary": 0, "warning": 7, "customer-error": 0, "server-error": 0])
    }
}

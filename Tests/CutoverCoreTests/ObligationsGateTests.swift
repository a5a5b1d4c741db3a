import CutoverCore
import Testing

struct ObligationsGateTests {
    typealias Case = GateCase

    static let cases: [Case] = [
        Case(
            name: "au: all attested, data in ap-southeast-2 passes", evidence: Fixture.evidence(profileID: "au"),
            status: .pass, reasons: []),
        Case(
            name: "au: a us-east-1 data store is a residency violation",
            evidence: Fixture.evidence(profileID: "au") { $0.regionsSeen.insert("us-east-1") }, status: .hold,
            reasons: ["residency: us-east-1 is outside the allowed regions (ap-southeast-2)"]),
        Case(
            name: "au: every region outside is named, sorted",
            evidence: Fixture.evidence(profileID: "au") { $0.regionsSeen = ["us-west-2", "eu-west-1"] },
            status: .hold,
            reasons: [
                "residency: eu-west-1 is outside the allowed regions (ap-southeast-2)",
                "residency: us-west-2 is outside the allowed regions (ap-southeast-2)",
            ]),
        Case(
            name: "au: an unattested item is named",
            evidence: Fixture.evidence(profileID: "au") { $0.attested.remove("irap-scope") }, status: .hold,
            reasons: ["not attested: irap-scope (every service used is in the current IRAP assessed scope)"]),
        Case(
            name: "au: a consumer's sample item must be attested",
            evidence: Fixture.evidence(consumers: [Fixture.ohif, Fixture.radiant], profileID: "au") {
                $0.attested.remove("sample-radiant")
            }, status: .hold,
            reasons: [
                "not attested: sample-radiant (workstation radiant: viewing or decoding was tried on a "
                    + "representative sample of the cohort)"
            ]),
        Case(
            name: "generic: any region is allowed",
            evidence: Fixture.evidence { $0.regionsSeen = ["us-east-1", "eu-west-1"] }, status: .pass, reasons: []),
        Case(
            name: "generic: residency is checked once the config names regions",
            evidence: Fixture.evidence {
                $0.profile.allowedRegions = ["eu-west-1"]
                $0.regionsSeen = ["eu-west-1", "us-east-1"]
            }, status: .hold, reasons: ["residency: us-east-1 is outside the allowed regions (eu-west-1)"]),
        Case(
            name: "attestations outside the profile change nothing",
            evidence: Fixture.evidence { $0.attested.insert("irap-scope") }, status: .pass, reasons: []),
        Case(
            name: "never pending: a cohort with nothing yet still holds on attestations",
            evidence: Fixture.evidence {
                $0.inventoryLoaded = false
                $0.jobsTotal = 0
                $0.attested = ["backups-restore", "exit-terms", "sample-ohif"]
                $0.regionsSeen = []
            }, status: .hold,
            reasons: [
                "not attested: retention (original Part 10 copies stay retained for rollback until 90 days after "
                    + "approval)"
            ]),
    ]

    @Test(arguments: cases)
    func evaluates(_ example: Case) {
        let result = Gates.obligations(example.evidence)
        #expect(result.name == .obligations)
        #expect(result.status == example.status)
        #expect(result.reasons == example.reasons)
    }

    @Test func countsItemsAndViolations() {
        let evidence = Fixture.evidence(profileID: "au") {
            $0.attested = ["irap-scope"]
            $0.regionsSeen = ["ap-southeast-2", "us-east-1"]
        }
        let result = Gates.obligations(evidence)
        #expect(result.counts == ["items": 6, "attested": 1, "unattested": 5, "residencyViolations": 1])
        #expect(result.reasons.count == 6)
    }
}

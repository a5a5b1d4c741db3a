import CutoverCore
import Testing

struct HierarchyGateTests {
    typealias Case = GateCase

    static let cases: [Case] = [
        Case(
            name: "everything in a primary image set passes", evidence: Fixture.evidence(), status: .pass, reasons: []),
        Case(
            name: "no inventory is pending", evidence: Fixture.evidence { $0.inventoryLoaded = false },
            status: .pending,
            reasons: ["no inventory loaded for this cohort"]),
        Case(
            name: "no job yet is pending",
            evidence: Fixture.evidence {
                $0.jobsTotal = 0
                $0.importedInPrimary = .zero
            }, status: .pending, reasons: ["no import job yet"]),
        Case(
            name: "jobs still running is pending even with findings",
            evidence: Fixture.evidence {
                $0.jobsActive = 2
                $0.openFindings = [.unexpected: 3]
            }, status: .pending, reasons: ["2 of 4 import jobs still running"]),
        Case(
            name: "missing instances hold with counts per level",
            evidence: Fixture.evidence {
                $0.openFindings = [.missing: 40]
                $0.importedInPrimary = HierarchyCounts(studies: 218, series: 1_090, instances: 49_960)
            }, status: .hold,
            reasons: [
                "40 instances in the inventory with no result",
                "12 of 230 studies not complete in a primary image set",
                "10 of 1100 series not complete in a primary image set",
                "40 of 50000 instances not complete in a primary image set",
            ]),
        Case(
            name: "instances the image set metadata does not list hold",
            evidence: Fixture.evidence {
                $0.metadataChecked = 1_200
                $0.metadataAbsent = 3
            }, status: .hold,
            reasons: ["3 of 1200 imported instances not listed in their image set's metadata (GetImageSetMetadata)"]),
        Case(
            name: "metadata listing every imported instance passes",
            evidence: Fixture.evidence { $0.metadataChecked = 1_200 }, status: .pass, reasons: []),
        Case(
            name: "one unexpected result holds", evidence: Fixture.evidence { $0.openFindings = [.unexpected: 1] },
            status: .hold, reasons: ["1 unexpected result (key not in the inventory)"]),
        Case(
            name: "a split study holds", evidence: Fixture.evidence { $0.openFindings = [.splitStudy: 1] },
            status: .hold, reasons: ["1 study split over more than one primary image set"]),
        Case(
            name: "counts short of expected hold without findings",
            evidence: Fixture.evidence {
                $0.importedInPrimary = HierarchyCounts(studies: 229, series: 1_100, instances: 50_000)
            }, status: .hold, reasons: ["1 of 230 studies not complete in a primary image set"]),
        Case(
            name: "more imported than expected holds",
            evidence: Fixture.evidence {
                $0.importedInPrimary = HierarchyCounts(studies: 230, series: 1_101, instances: 50_000)
            }, status: .hold, reasons: ["1101 series in a primary image set, 1100 expected"]),
        Case(
            name: "non-hierarchy findings do not hold",
            evidence: Fixture.evidence { $0.openFindings = [.warning: 5, .nonPrimary: 2] }, status: .pass,
            reasons: []),
    ]

    @Test(arguments: cases)
    func evaluates(_ example: Case) {
        let result = Gates.hierarchy(example.evidence)
        #expect(result.name == .hierarchy)
        #expect(result.status == example.status)
        #expect(result.reasons == example.reasons)
    }

    @Test func countsEveryLevelAndFindingKind() {
        let evidence = Fixture.evidence {
            $0.openFindings = [.missing: 40, .unexpected: 2, .splitStudy: 1]
            $0.importedInPrimary = HierarchyCounts(studies: 218, series: 1_090, instances: 49_960)
            $0.metadataChecked = 900
            $0.metadataAbsent = 4
        }
        #expect(
            Gates.hierarchy(evidence).counts == [
                "expectedStudies": 230, "importedStudies": 218, "expectedSeries": 1_100, "importedSeries": 1_090,
                "expectedInstances": 50_000, "importedInstances": 49_960, "missing": 40, "unexpected": 2,
                "split-study": 1, "checkedAgainstMetadata": 900, "absentFromMetadata": 4,
            ])
    }

    @Test func countsAreFilledWhilePending() {
        let result = Gates.hierarchy(Fixture.evidence { $0.jobsActive = 1 })
        #expect(result.status == .pending)
        #expect(result.counts["expectedInstances"] == 50_000)
    }

    @Test func evaluateGivesTheFourGatesInOrder() {
        #expect(Gates.evaluate(Fixture.evidence()).map(\.name) == GateName.allCases)
        #expect(Gates.evaluate(Fixture.evidence()).allSatisfy { $0.status == .pass })
    }
}

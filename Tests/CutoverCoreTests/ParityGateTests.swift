import CutoverCore
import Testing

struct ParityGateTests {
    typealias Case = GateCase

    static let jpeg2000 = TransferSyntaxUID.jpeg2000

    static let cases: [Case] = [
        Case(name: "every consumer decodes every syntax", evidence: Fixture.evidence(), status: .pass, reasons: []),
        Case(
            name: "an actual gap names consumer, syntax and count",
            evidence: Fixture.evidence(consumers: [Fixture.ohif, Fixture.radiant]) {
                $0.storedSyntaxes.append(StoredSyntaxCount(uid: Fixture.jpegBaseline, instances: 12, predicted: false))
            }, status: .hold, reasons: ["workstation radiant cannot decode 1.2.840.10008.1.2.4.50 in 12 instances"]),
        Case(
            name: "a predicted gap says predicted",
            evidence: Fixture.evidence {
                $0.storedSyntaxes.append(StoredSyntaxCount(uid: jpeg2000, instances: 1, predicted: true))
            }, status: .hold, reasons: ["viewer ohif cannot decode 1.2.840.10008.1.2.4.91 in 1 instance (predicted)"]),
        Case(
            name: "pre-flight: predicted syntaxes alone pass before any job",
            evidence: Fixture.evidence {
                $0.jobsTotal = 0
                $0.storedSyntaxes = [StoredSyntaxCount(uid: Fixture.htj2k, instances: 900, predicted: true)]
            }, status: .pass, reasons: []),
        Case(
            name: "pre-flight: an undecodable predicted syntax holds before any job",
            evidence: Fixture.evidence {
                $0.jobsTotal = 0
                $0.storedSyntaxes = [StoredSyntaxCount(uid: jpeg2000, instances: 900, predicted: true)]
            }, status: .hold, reasons: ["viewer ohif cannot decode 1.2.840.10008.1.2.4.91 in 900 instances (predicted)"]
        ),
        Case(
            name: "no stored syntaxes is pending", evidence: Fixture.evidence { $0.storedSyntaxes = [] },
            status: .pending, reasons: ["no stored or predicted transfer syntaxes yet"]),
        Case(
            name: "a syntax with no instances does not count",
            evidence: Fixture.evidence {
                $0.storedSyntaxes = [StoredSyntaxCount(uid: jpeg2000, instances: 0, predicted: false)]
            }, status: .pending, reasons: ["no stored or predicted transfer syntaxes yet"]),
        Case(
            name: "no consumers holds", evidence: Fixture.evidence(consumers: []), status: .hold,
            reasons: ["no consumers configured"]),
        Case(
            name: "no consumers holds even before anything is stored",
            evidence: Fixture.evidence(consumers: []) { $0.storedSyntaxes = [] }, status: .hold,
            reasons: ["no consumers configured"]),
        Case(
            name: "open frame-level warnings hold", evidence: Fixture.evidence { $0.openFrameWarnings = 3 },
            status: .hold, reasons: ["3 open frame-level warnings (45328, 45329, 45330): frames not retrievable"]),
        Case(
            name: "an open blob warning holds", evidence: Fixture.evidence { $0.openBlobWarnings = 1 },
            status: .hold, reasons: ["1 open blob-stored instance (45312, 45344): pixel data kept as a blob"]),
    ]

    @Test(arguments: cases)
    func evaluates(_ example: Case) {
        let result = Gates.parity(example.evidence)
        #expect(result.name == .parity)
        #expect(result.status == example.status)
        #expect(result.reasons == example.reasons)
    }

    @Test func countsGapsAndInstances() {
        let evidence = Fixture.evidence(consumers: [Fixture.ohif, Fixture.radiant]) {
            $0.storedSyntaxes = [
                StoredSyntaxCount(uid: Fixture.htj2k, instances: 100, predicted: false),
                StoredSyntaxCount(uid: Self.jpeg2000, instances: 7, predicted: true),
                StoredSyntaxCount(uid: Self.jpeg2000, instances: 3, predicted: false),
            ]
            $0.openFrameWarnings = 2
        }
        let result = Gates.parity(evidence)
        #expect(result.status == .hold)
        #expect(
            result.counts == [
                "consumers": 2, "syntaxes": 2, "storedInstances": 103, "predictedInstances": 7, "decoderGaps": 4,
                "frameWarnings": 2, "blobWarnings": 0,
            ])
        #expect(result.reasons.count == 5)
    }
}

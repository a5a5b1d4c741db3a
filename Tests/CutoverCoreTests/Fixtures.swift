import CutoverCore
import Testing

enum Fixture {
    static let htj2k = TransferSyntaxUID.htj2kLosslessRPCL
    static let jpegBaseline = TransferSyntaxUID.jpegBaseline

    static let ohif = Consumer(name: "ohif", kind: "viewer", decodes: [htj2k, jpegBaseline])
    static let radiant = Consumer(name: "radiant", kind: "workstation", decodes: [htj2k])

    static let counts = HierarchyCounts(studies: 230, series: 1_100, instances: 50_000)

    /// A cohort that passes every gate under the generic profile; tests change one thing at a time.
    static func evidence(
        consumers: [Consumer] = [ohif],
        profileID: String = "generic",
        _ change: (inout CohortEvidence) -> Void = { _ in }
    ) -> CohortEvidence {
        let profile = RegionProfile.builtIn(profileID, consumers: consumers)!
        var evidence = CohortEvidence(
            inventoryLoaded: true, jobsTotal: 4, jobsActive: 0, expected: counts, importedInPrimary: counts,
            openFindings: [:], storedSyntaxes: [StoredSyntaxCount(uid: htj2k, instances: 50_000, predicted: false)],
            consumers: consumers, openFrameWarnings: 0, openBlobWarnings: 0, profile: profile,
            attested: Set(profile.items.map(\.id)), regionsSeen: ["ap-southeast-2"])
        change(&evidence)
        return evidence
    }

    static func gates(allPass: Bool) -> [GateResult] {
        GateName.allCases.map { name in
            allPass || name != .parity
                ? GateResult(name: name, status: .pass)
                : GateResult(name: name, status: .hold, reasons: ["viewer ohif cannot decode 1.2.3 in 4 instances"])
        }
    }
}

/// One named gate example: the evidence, and the status and reasons the gate must give for it.
struct GateCase: CustomTestStringConvertible, Sendable {
    var name: String
    var evidence: CohortEvidence
    var status: GateStatus
    var reasons: [String]
    var testDescription: String { name }
}

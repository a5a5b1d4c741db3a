extension Gates {
    /// The finding kinds a person must clear before the `review` gate passes, with their reason wording.
    static let reviewKinds: [(kind: FindingKind, singular: String, plural: String)] = [
        (.nonPrimary, "open non-primary image set", "open non-primary image sets"),
        (.warning, "open warning", "open warnings"),
        (.customerError, "open customer error", "open customer errors"),
        (.serverError, "open server error", "open server errors"),
    ]

    /// Non-primary and warning review. An open finding holds even before the last job ends: it is already a
    /// fact someone has to look at.
    public static func review(_ evidence: CohortEvidence) -> GateResult {
        var counts: [String: Int] = [:]
        var reasons: [String] = []
        for (kind, singular, plural) in reviewKinds {
            let open = evidence.open(kind)
            counts[kind.rawValue] = open
            if open > 0 { reasons.append(counted(open, singular, plural)) }
        }
        if !reasons.isEmpty { return GateResult(name: .review, status: .hold, reasons: reasons, counts: counts) }
        if evidence.jobsTotal == 0 {
            return GateResult(name: .review, status: .pending, reasons: ["no import job yet"], counts: counts)
        }
        return GateResult(name: .review, status: .pass, reasons: [], counts: counts)
    }
}

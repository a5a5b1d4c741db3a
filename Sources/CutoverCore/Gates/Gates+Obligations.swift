extension Gates {
    /// Regional and downstream obligations: every profile item attested, every seen region allowed.
    ///
    /// Never pending: attestations and regions are known at any moment, and an unattested item is a real
    /// hold even on a cohort that has not started importing.
    public static func obligations(_ evidence: CohortEvidence) -> GateResult {
        let profile = evidence.profile
        let unattested = profile.items.filter { !evidence.attested.contains($0.id) }
        let outside = profile.regionsOutside(evidence.regionsSeen)

        var reasons = unattested.map { "not attested: \($0.id) (\($0.text))" }
        if let allowed = profile.allowedRegions {
            let allowedList = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
            reasons += outside.map { "residency: \($0) is outside the allowed regions (\(allowedList))" }
        }
        let counts: [String: Int] = [
            "items": profile.items.count,
            "attested": profile.items.count - unattested.count,
            "unattested": unattested.count,
            "residencyViolations": outside.count,
        ]
        return GateResult(name: .obligations, status: reasons.isEmpty ? .pass : .hold, reasons: reasons, counts: counts)
    }
}

/// The four gates of product §4 as pure functions of a cohort's evidence.
public enum Gates {
    /// Always the four gates, in `GateName` order.
    public static func evaluate(_ evidence: CohortEvidence) -> [GateResult] {
        GateName.allCases.map { evaluate($0, evidence) }
    }

    public static func evaluate(_ name: GateName, _ evidence: CohortEvidence) -> GateResult {
        switch name {
        case .hierarchy: hierarchy(evidence)
        case .parity: parity(evidence)
        case .review: review(evidence)
        case .obligations: obligations(evidence)
        }
    }
}

/// One gate's verdict for one cohort, with the sentences and numbers behind it.
///
/// Count keys are camelCase (`expectedStudies`, `frameWarnings`, …) except finding counts, which use the
/// `FindingKind` raw value (`missing`, `split-study`, `non-primary`) so they line up with the findings JSON.
public struct GateResult: Equatable, Sendable {
    public var name: GateName
    public var status: GateStatus
    public var reasons: [String]
    public var counts: [String: Int]

    public init(name: GateName, status: GateStatus, reasons: [String] = [], counts: [String: Int] = [:]) {
        self.name = name
        self.status = status
        self.reasons = reasons
        self.counts = counts
    }
}

extension GateResult {
    /// Whether every one of the four gates is present and passes. A missing gate counts as not passing, so an
    /// incomplete evaluation can never make a cohort ready.
    public static func allPass(_ gates: [GateResult]) -> Bool {
        gates.allSatisfy { $0.status == .pass }
            && GateName.allCases.allSatisfy { name in gates.contains { $0.name == name } }
    }

    /// The gates that keep a cohort from `ready`, each with its first reason, e.g.
    /// `parity (hold: viewer ohif cannot decode …)`; a gate absent from `gates` is listed as not evaluated.
    public static func blockers(_ gates: [GateResult]) -> [String] {
        GateName.allCases.compactMap { name in
            let results = gates.filter { $0.name == name }
            guard let result = results.first(where: { $0.status != .pass }) ?? results.first else {
                return "\(name.rawValue) (not evaluated)"
            }
            guard result.status != .pass else { return nil }
            let detail = result.reasons.first.map { ": \($0)" } ?? ""
            return "\(name.rawValue) (\(result.status.rawValue)\(detail))"
        }
    }
}

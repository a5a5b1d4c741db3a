/// Derives a cohort's state from its jobs and gates.
public enum Lifecycle {
    /// Derived state: planned (no job), importing (any job submitted/in progress), validating (jobs finished,
    /// some gate not pass), ready (all pass). `approved` and `rolled-back` are sticky: once there (stored),
    /// derivation keeps them, because a late event must not silently un-approve a cutover.
    public static func derive(
        stored: CohortState?, jobsTotal: Int, jobsActive: Int, gates: [GateResult]
    ) -> CohortState {
        if let stored, stored.isSticky { return stored }
        if jobsTotal == 0 { return .planned }
        if jobsActive > 0 { return .importing }
        return GateResult.allPass(gates) ? .ready : .validating
    }
}

import CutoverCore

/// What AHI made of one file in one job.
struct InstanceOutcome: Equatable, Sendable {
    enum Kind: UInt8, Sendable { case success, warning, customerError, serverError }

    var kind: Kind
    var warnings: WarningSet = []
    var failure: FailureReason? = nil

    /// The output file that gets a line; server errors get none (they are only counted in the manifest).
    var resultFile: Outcome? {
        switch kind {
        case .success: .success
        case .warning: .warning
        case .customerError: .failure
        case .serverError: nil
        }
    }

    var isImported: Bool { kind == .success || kind == .warning }
}

extension DemoPlan {
    func facts(series s: PlannedSeries, index: Int) -> InstanceFacts {
        let source = InstanceFacts.Source(
            seed: seed, uidStudy: studies[Int(s.study)].uidStudy, number: s.number, kind: s.kind, syntax: s.syntax,
            flags: s.flags)
        return InstanceFacts(source, index: index)
    }

    /// The outcome of file `index` of series `seriesIndex` when `job` imports it (`local` is its position
    /// in the job). Content defects travel with the file; server errors belong to one job run.
    func outcome(job: PlannedJob, seriesIndex: Int, index: Int, local: Int) -> InstanceOutcome {
        let s = series[seriesIndex]
        let facts = facts(series: s, index: index)
        let imported = InstanceOutcome(kind: facts.warnings.isEmpty ? .success : .warning, warnings: facts.warnings)
        if job.kind == .retry { return imported }
        if s.flags.contains(.brokenExport) {
            return InstanceOutcome(kind: .customerError, failure: .missingTransferSyntax)
        }
        if let failure = facts.failure { return InstanceOutcome(kind: .customerError, failure: failure) }
        if job.serverErrors > 0 {
            let draw = DemoHash.of(seed, .serverError, job.index, local) % UInt64(job.instanceCount)
            if draw < UInt64(job.serverErrors) { return InstanceOutcome(kind: .serverError) }
        }
        return imported
    }
}

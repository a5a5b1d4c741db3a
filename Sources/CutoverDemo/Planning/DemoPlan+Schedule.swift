/// When each job is submitted, starts and ends.
///
/// An operator script submits the batches cohort by cohort, a few tens of seconds apart, pausing between
/// cohorts and never keeping more than 20 jobs open (the ap-southeast-2 concurrency quota). AHI queues each
/// job briefly, then works through it at a pace set by file count and bytes.
extension DemoPlan {
    static let concurrentJobLimit = 20

    mutating func scheduleJobs(_ scale: ScaleProfile, _ specials: Specials) {
        var rng = DemoRandom(DemoHash.of(seed, .schedule))
        var clock = startMs + rng.millis(seconds: 30...90)
        var open: [Int64] = []
        var jobOfBatch: [Int: Int] = [:]
        var retryDue: Int64?
        let retryBatch = specials.brokenSeries.map { Int(studies[Int(series[$0].study)].batch) }

        func submit(_ job: inout PlannedJob, notBefore: Int64 = 0) {
            clock = max(clock, notBefore)
            open.removeAll { $0 <= clock }
            if open.count >= Self.concurrentJobLimit, let earliest = open.min() {
                clock = earliest + rng.millis(seconds: 1...6)
                open.removeAll { $0 <= clock }
            }
            job.index = jobs.count
            job.id = DemoIdentifiers.hex32(seed, .job, job.index)
            job.submittedMs = clock
            job.startedMs = clock + rng.millis(seconds: 10...75)
            if job.kind == .failed {
                job.endedMs = job.startedMs + rng.millis(seconds: 20...90)
            } else {
                let seconds = 30 + Double(job.instanceCount) * 0.22 + Double(job.bytes) / 30_000_000
                job.endedMs = job.startedMs + Int64(seconds * (0.85 + 0.3 * rng.unit()) * 1000)
            }
            if job.kind == .stalled {
                job.stallCount = Int(Double(job.instanceCount) * (0.35 + 0.3 * rng.unit()))
            }
            if job.kind == .regular || job.kind == .stalled, !cohorts[job.cohort].isClean,
                DemoHash.unit(DemoHash.of(seed, .serverError, job.index)) < 0.06
            {
                job.serverErrors = 1 + Int(DemoHash.of(seed, .serverError, job.index, -1) % 5)
            }
            open.append(job.kind == .stalled ? .max : job.endedMs)
            jobs.append(job)
        }

        func submitRetry() {
            guard let broken = specials.brokenSeries, let due = retryDue else { return }
            retryDue = nil
            var job = retryJob(series: broken)
            submit(&job, notBefore: due)
        }

        var previousCohort: Int?
        for b in waveOrder() {
            if let due = retryDue, clock >= due { submitRetry() }
            if let previous = previousCohort, previous != batches[b].cohort {
                clock += rng.millis(seconds: 180...420)
            }
            previousCohort = batches[b].cohort
            clock += rng.millis(seconds: 8...35)
            var job = batchJob(b, stalled: b == specials.stalledBatch)
            var notBefore: Int64 = 0
            if batches[b].role == .resend {
                for resent in batches[b].studyRange {
                    let source = Int(studies[Int(studies[resent].uidStudy)].batch)
                    if let j = jobOfBatch[source] { notBefore = max(notBefore, jobs[j].endedMs + 60_000) }
                }
            }
            submit(&job, notBefore: notBefore)
            jobOfBatch[b] = job.index
            if b == retryBatch { retryDue = job.endedMs + rng.millis(seconds: 900...1_500) }
        }
        submitRetry()
    }

    /// Cohort by cohort, batches in number order, except that the failing batch goes in mid-wave.
    private func waveOrder() -> [Int] {
        var order: [Int] = []
        for c in cohorts.indices {
            var wave = batches.indices.filter { batches[$0].cohort == c && batches[$0].role != .failed }
            if let failed = batches.indices.first(where: { batches[$0].cohort == c && batches[$0].role == .failed }) {
                wave.insert(failed, at: wave.count / 2)
            }
            order += wave
        }
        return order
    }

    private func batchJob(_ b: Int, stalled: Bool) -> PlannedJob {
        let batch = batches[b]
        let kind: PlannedJob.Kind = batch.role == .failed ? .failed : stalled ? .stalled : .regular
        let cohort = cohorts[batch.cohort]
        return PlannedJob(
            index: 0, kind: kind, cohort: batch.cohort, batch: b, seriesRange: batch.seriesRange,
            instanceCount: batch.instanceCount, bytes: batch.bytes, id: "", name: "\(cohort.name)-\(batch.name)",
            inputPrefix: cohort.inputPrefix + batch.name + "/", stallCount: batch.instanceCount)
    }

    private func retryJob(series broken: Int) -> PlannedJob {
        let s = series[broken]
        let batch = Int(studies[Int(s.study)].batch)
        let cohort = cohorts[batches[batch].cohort]
        return PlannedJob(
            index: 0, kind: .retry, cohort: batches[batch].cohort, batch: batch, seriesRange: broken..<(broken + 1),
            instanceCount: Int(s.count), bytes: s.bytes, id: "",
            name: "\(cohort.name)-\(batches[batch].name)-retry1", inputPrefix: seriesKeyPrefix(s),
            stallCount: Int(s.count))
    }
}

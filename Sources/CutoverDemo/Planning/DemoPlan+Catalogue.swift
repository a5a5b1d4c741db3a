/// The source archive: per cohort, batches of whole studies, each batch within AHI's per-job limits.
extension DemoPlan {
    /// A study as drawn, before it is placed (it may not fit in the current batch and move to the next).
    struct StudyDraft {
        var series: [SeriesDraft]
        var patient: UInt64
        var day: Int
        var ordinal: Int
        var instanceCount: Int { series.reduce(0) { $0 + $1.count } }
    }

    mutating func buildCatalogue(_ scale: ScaleProfile) {
        for (c, profile) in cohorts.enumerated() {
            var rng = DemoRandom(DemoHash.of(seed, .cohort, c))
            var drawer = StudyDrawer(seed: seed, cohort: c, profile: profile)
            let budget = max(1, Int(Double(scale.totalInstances) * profile.share))
            var made = 0
            var carried: StudyDraft?
            while made < budget {
                let target = scale.batchTarget(profile, &rng)
                let batch = openBatch(cohort: c, role: .regular)
                while made < budget || batches[batch].instanceCount < ScaleProfile.minBatchFiles {
                    let draft = carried ?? drawer.next(&rng)
                    carried = nil
                    let bytes = draftBytes(draft)
                    let current = batches[batch]
                    if current.instanceCount >= ScaleProfile.minBatchFiles
                        && (current.instanceCount + draft.instanceCount > ScaleProfile.maxBatchFiles
                            || current.bytes + bytes > scale.maxBatchBytes)
                    {
                        carried = draft
                        break
                    }
                    appendStudy(draft, bytes: bytes, batch: batch, resendOf: nil)
                    made += draft.instanceCount
                    if batches[batch].instanceCount >= target { break }
                }
            }
            if c == CohortProfile.mammography { appendFailingBatch(&drawer, &rng) }
            if c == CohortProfile.cardiology { appendResendBatch(scale, &rng) }
        }
    }

    /// A small batch whose import fails as a whole: its studies stay unimported (the dashboard's "missing").
    private mutating func appendFailingBatch(_ drawer: inout StudyDrawer, _ rng: inout DemoRandom) {
        let batch = openBatch(cohort: CohortProfile.mammography, role: .failed)
        let target = rng.int(60...250)
        while batches[batch].instanceCount < target {
            let draft = drawer.next(&rng)
            appendStudy(draft, bytes: draftBytes(draft), batch: batch, resendOf: nil)
        }
    }

    /// Studies the cardiology PACS sent a second time with another MRN: same UIDs, conflicting patient data.
    private mutating func appendResendBatch(_ scale: ScaleProfile, _ rng: inout DemoRandom) {
        let regular = batches.indices.filter {
            batches[$0].cohort == CohortProfile.cardiology && batches[$0].role == .regular
        }
        let sources = regular.prefix(max(1, regular.count * 3 / 5))
        let candidates = sources.flatMap { batches[$0].studyRange }
        guard !candidates.isEmpty else { return }
        let batch = openBatch(cohort: CohortProfile.cardiology, role: .resend)
        var chosen = Set<Int>()
        for _ in 0..<(scale.resendStudies * 4) where chosen.count < min(scale.resendStudies, candidates.count) {
            let original = candidates[Int(rng.next() % UInt64(candidates.count))]
            let count = Int(studies[original].instanceCount)
            guard !chosen.contains(original), batches[batch].instanceCount + count <= ScaleProfile.maxBatchFiles
            else { continue }
            chosen.insert(original)
        }
        for original in chosen.sorted() {
            let source = studies[original]
            let drafts = source.seriesRange.map {
                SeriesDraft(
                    kind: series[$0].kind, count: Int(series[$0].count), syntax: series[$0].syntax,
                    flags: series[$0].flags)
            }
            let draft = StudyDraft(
                series: drafts, patient: source.patient, day: Int(source.day),
                ordinal: Int(source.ordinal))
            let bytes = source.seriesRange.reduce(Int64(0)) { $0 + series[$1].bytes }
            appendStudy(draft, bytes: bytes, batch: batch, resendOf: original)
        }
    }

    private mutating func openBatch(cohort: Int, role: PlannedBatch.Role) -> Int {
        let number = batches.filter { $0.cohort == cohort }.count + 1
        batches.append(
            PlannedBatch(
                cohort: cohort, number: number, role: role, firstStudy: studies.count, studyCount: 0,
                firstSeries: series.count, seriesCount: 0, instanceCount: 0, bytes: 0))
        return batches.count - 1
    }

    /// Exact bytes of a draft if it becomes the next study (sizes depend on the study's index).
    private func draftBytes(_ draft: StudyDraft) -> Int64 {
        let uidStudy = Int32(studies.count)
        var total: Int64 = 0
        for (n, s) in draft.series.enumerated() {
            total += seriesBytes(s, uidStudy: uidStudy, number: UInt16(n + 1))
        }
        return total
    }

    private func seriesBytes(_ s: SeriesDraft, uidStudy: Int32, number: UInt16) -> Int64 {
        let source = InstanceFacts.Source(
            seed: seed, uidStudy: uidStudy, number: number, kind: s.kind, syntax: s.syntax, flags: s.flags)
        return (0..<s.count).reduce(Int64(0)) { $0 + Int64(InstanceFacts(source, index: $1).sizeBytes) }
    }

    private mutating func appendStudy(_ draft: StudyDraft, bytes: Int64, batch: Int, resendOf original: Int?) {
        let studyIndex = Int32(studies.count)
        let uidStudy = original.map { studies[$0].uidStudy } ?? studyIndex
        var first = instanceCount
        let firstSeries = Int32(series.count)
        for (n, s) in draft.series.enumerated() {
            let number = UInt16(n + 1)
            let seriesBytes =
                original.map { series[studies[$0].seriesRange.lowerBound + n].bytes }
                ?? self.seriesBytes(s, uidStudy: uidStudy, number: number)
            series.append(
                PlannedSeries(
                    study: studyIndex, number: number, kind: s.kind, syntax: s.syntax, flags: s.flags,
                    firstInstance: first, count: Int32(s.count), bytes: seriesBytes))
            first += s.count
        }
        studies.append(
            PlannedStudy(
                cohort: UInt8(batches[batch].cohort), batch: Int32(batch), uidStudy: uidStudy,
                ordinal: Int32(draft.ordinal), isResend: original != nil, patient: draft.patient,
                day: Int32(draft.day), firstSeries: firstSeries, seriesCount: Int32(draft.series.count),
                instanceCount: Int32(draft.instanceCount)))
        batches[batch].studyCount += 1
        batches[batch].seriesCount += draft.series.count
        batches[batch].instanceCount += draft.instanceCount
        batches[batch].bytes += bytes
    }
}

/// Draws a cohort's studies one after another: series from the cohort's recipe, a date in its years, and
/// a patient (about one study in five belongs to a patient seen shortly before).
struct StudyDrawer {
    let seed: UInt64
    let cohort: Int
    let profile: CohortProfile
    private var ordinal = 0
    private var patients = 0
    private let firstDay: Int
    private let dayCount: Int

    init(seed: UInt64, cohort: Int, profile: CohortProfile) {
        self.seed = seed
        self.cohort = cohort
        self.profile = profile
        firstDay = CohortProfile.firstDay(ofYear: profile.years.lowerBound)
        dayCount = CohortProfile.firstDay(ofYear: profile.years.upperBound + 1) - firstDay
    }

    mutating func next(_ rng: inout DemoRandom) -> DemoPlan.StudyDraft {
        var series = profile.recipe.draft(&rng)
        if profile.isClean {
            for i in series.indices { series[i].flags.insert(.validated) }
        }
        let patient: Int
        if patients > 0 && rng.chance(0.2) {
            patient = patients - rng.int(0...min(40, patients - 1))
        } else {
            patients += 1
            patient = patients
        }
        let draft = DemoPlan.StudyDraft(
            series: series, patient: DemoHash.of(seed, .patient, cohort, patient),
            day: firstDay + rng.int(0...(dayCount - 1)), ordinal: ordinal)
        ordinal += 1
        return draft
    }
}

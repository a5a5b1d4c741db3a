/// The few jobs that carry the migration's story: a broken series and its retry, a stalled job, and rare
/// transfer syntaxes every seed should show.
extension DemoPlan {
    /// The jobs whose story the dashboard needs, chosen once the archive exists.
    struct Specials {
        /// A series in ed-2019 exported without meta header: every file fails, and a later retry job
        /// imports the re-exported series.
        var brokenSeries: Int?
        /// The batch whose job stops halfway and stays IN_PROGRESS.
        var stalledBatch: Int?
    }

    mutating func chooseSpecials(_ scale: ScaleProfile) -> Specials {
        var specials = Specials()
        let emergency = batches.indices.filter {
            batches[$0].cohort == CohortProfile.emergency && batches[$0].role == .regular
        }
        if !emergency.isEmpty {
            let start = emergency.count * 2 / 5
            let ordered = emergency[start...] + emergency[..<start]
            let candidates = ordered.flatMap { batches[$0].studyRange }.filter { studies[$0].seriesCount >= 2 }
                .flatMap { studies[$0].seriesRange }
            let preferred = candidates.first { series[$0].kind == .ctAxial && (50...400).contains(series[$0].count) }
            let fallback = candidates.first { series[$0].kind.hasPixelData && series[$0].count >= 50 }
            specials.brokenSeries = preferred ?? fallback
            if let broken = specials.brokenSeries { series[broken].flags.insert(.brokenExport) }
        }
        ensureRareSyntaxes()
        if scale.hasStalledJob {
            specials.stalledBatch = batches.indices.last {
                batches[$0].cohort == CohortProfile.oncology && batches[$0].role == .regular
            }
        }
        return specials
    }

    /// Every seed should show a cine loop in MPEG-4 and warning 45344: when the draw gave neither, an echo cine
    /// series in JPEG baseline is switched (and its bytes recounted).
    private mutating func ensureRareSyntaxes() {
        if !series.contains(where: { $0.kind.hasPixelData && !$0.syntax.isSupportedByAHI }) {
            switchFirstCine(to: .vendorPrivate)
        }
        if !series.contains(where: { $0.syntax == .mpeg4 }) { switchFirstCine(to: .mpeg4) }
    }

    /// Switches the series and any re-sent copy of it (same UIDs, so the same file content).
    private mutating func switchFirstCine(to syntax: TransferSyntax) {
        guard let first = series.firstIndex(where: { $0.kind == .usCine && $0.syntax == .jpegBaseline }) else { return }
        let uidStudy = studies[Int(series[first].study)].uidStudy
        let number = series[first].number
        for cine in series.indices
        where series[cine].number == number && studies[Int(series[cine].study)].uidStudy == uidStudy {
            series[cine].syntax = syntax
            let recounted = (0..<Int(series[cine].count)).reduce(Int64(0)) {
                $0 + Int64(facts(series: series[cine], index: $1).sizeBytes)
            }
            let batch = Int(studies[Int(series[cine].study)].batch)
            batches[batch].bytes += recounted - series[cine].bytes
            series[cine].bytes = recounted
        }
    }
}

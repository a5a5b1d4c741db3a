/// A series as the recipe describes it, before it gets its place in the archive.
struct SeriesDraft {
    var kind: SeriesKind
    var count: Int
    var syntax: TransferSyntax
    var flags: SeriesFlags = []
}

/// How each department's studies look: which series, how many images, which equipment's transfer syntax.
/// The proportions are rough clinical ones, chosen so each cohort has a recognisable shape on the dashboard.
enum StudyRecipe: Sendable {
    case emergency, cardiology, mammography, oncology, research

    func draft(_ rng: inout DemoRandom) -> [SeriesDraft] {
        switch self {
        case .emergency: emergencyStudy(&rng)
        case .cardiology: cardiologyStudy(&rng)
        case .mammography: mammographyStudy(&rng)
        case .oncology: oncologyStudy(&rng)
        case .research: researchStudy(&rng)
        }
    }

    private func emergencyStudy(_ rng: inout DemoRandom) -> [SeriesDraft] {
        let r = rng.unit()
        if r < 0.68 {
            let computed = rng.chance(0.55)
            let kind: SeriesKind = computed ? .computedRadiography : .digitalRadiography
            let syntax: TransferSyntax =
                computed
                ? rng.pick([(.implicitLittle, 55), (.explicitLittle, 25), (.jpegLossless, 20)])
                : rng.pick([(.explicitLittle, 60), (.jpeg2000Lossless, 25), (.jpegLS, 15)])
            let flags: SeriesFlags = computed && rng.chance(0.07) ? .legacyUIDs : []
            return (0..<rng.int(1...3)).map { _ in
                SeriesDraft(kind: kind, count: rng.int(1...2), syntax: syntax, flags: flags)
            }
        }
        if r < 0.86 {
            // One old ED scanner writes UIDs with empty components (warning 45570 on the whole study).
            let syntax: TransferSyntax = rng.pick([(.explicitLittle, 55), (.implicitLittle, 25), (.jpegLossless, 20)])
            let flags: SeriesFlags = rng.chance(0.02) ? .legacyUIDs : []
            var series = [SeriesDraft(kind: .ctLocalizer, count: rng.int(1...2), syntax: syntax, flags: flags)]
            for _ in 0..<rng.int(2...4) {
                series.append(SeriesDraft(kind: .ctAxial, count: rng.int(40...320), syntax: syntax, flags: flags))
            }
            if rng.chance(0.7) { series.append(SeriesDraft(kind: .srDose, count: 1, syntax: .explicitLittle)) }
            return series
        }
        if r < 0.97 {
            let syntax: TransferSyntax = rng.pick([
                (.jpegBaseline, 80), (.explicitLittle, 12), (.rle, 6), (.jpegExtendedRetired, 3),
            ])
            var series = [SeriesDraft(kind: .usImage, count: rng.int(8...40), syntax: syntax)]
            if rng.chance(0.4) { series.append(SeriesDraft(kind: .usCine, count: rng.int(1...5), syntax: syntax)) }
            return series
        }
        let syntax: TransferSyntax = rng.pick([(.explicitLittle, 60), (.implicitLittle, 30), (.jpegLossless, 10)])
        return (0..<rng.int(4...9)).map { _ in SeriesDraft(kind: .mrImage, count: rng.int(20...180), syntax: syntax) }
    }

    private func cardiologyStudy(_ rng: inout DemoRandom) -> [SeriesDraft] {
        let r = rng.unit()
        if r < 0.55 {
            let cine: TransferSyntax = rng.pick([
                (.jpegBaseline, 77), (.rle, 8), (.explicitLittle, 6), (.mpeg4, 4), (.deflated, 2), (.vendorPrivate, 3),
            ])
            let still: TransferSyntax = cine == .mpeg4 ? .jpegBaseline : cine
            var series = [
                SeriesDraft(kind: .usCine, count: rng.int(25...90), syntax: cine),
                SeriesDraft(kind: .usImage, count: rng.int(4...25), syntax: still),
            ]
            if rng.chance(0.75) {
                series.append(SeriesDraft(kind: .srMeasurements, count: rng.int(1...2), syntax: .explicitLittle))
            }
            return series
        }
        if r < 0.80 {
            let syntax: TransferSyntax = rng.pick([(.explicitLittle, 60), (.jpegLossless, 25), (.implicitLittle, 15)])
            var series = [
                SeriesDraft(kind: .ctLocalizer, count: 2, syntax: syntax),
                SeriesDraft(kind: .ctAxial, count: rng.int(40...80), syntax: syntax),
                SeriesDraft(kind: .ctAxial, count: rng.int(200...600), syntax: syntax),
            ]
            for _ in 0..<rng.int(0...2) {
                series.append(SeriesDraft(kind: .ctAxial, count: rng.int(50...300), syntax: syntax))
            }
            series.append(SeriesDraft(kind: .srDose, count: 1, syntax: .explicitLittle))
            return series
        }
        let syntax: TransferSyntax = rng.pick([(.explicitLittle, 70), (.implicitLittle, 20), (.jpegLossless, 10)])
        return (0..<rng.int(8...18)).map { _ in SeriesDraft(kind: .mrImage, count: rng.int(10...160), syntax: syntax) }
    }

    private func mammographyStudy(_ rng: inout DemoRandom) -> [SeriesDraft] {
        if rng.chance(0.85) {
            let syntax: TransferSyntax = rng.pick([
                (.jpeg2000, 45), (.jpeg2000Lossless, 25), (.explicitLittle, 20), (.jpegLossless, 10),
            ])
            var series = [
                SeriesDraft(kind: .mgForPresentation, count: rng.chance(0.8) ? 4 : rng.int(5...8), syntax: syntax)
            ]
            if rng.chance(0.45) {
                let raw: TransferSyntax = rng.chance(0.7) ? .explicitLittle : .implicitLittle
                series.append(SeriesDraft(kind: .mgForProcessing, count: 4, syntax: raw))
            }
            if rng.chance(0.2) {
                series.append(SeriesDraft(kind: .mgTomosynthesis, count: rng.int(2...4), syntax: .jpeg2000Lossless))
            }
            if rng.chance(0.4) { series.append(SeriesDraft(kind: .srMammoCAD, count: 1, syntax: .explicitLittle)) }
            return series
        }
        let syntax: TransferSyntax = rng.chance(0.9) ? .jpegBaseline : .explicitLittle
        var series = [SeriesDraft(kind: .usImage, count: rng.int(6...30), syntax: syntax)]
        if rng.chance(0.5) {
            series.append(SeriesDraft(kind: .mgForPresentation, count: rng.int(2...4), syntax: .jpeg2000))
        }
        return series
    }

    private func oncologyStudy(_ rng: inout DemoRandom) -> [SeriesDraft] {
        let r = rng.unit()
        if r < 0.65 {
            let ct: TransferSyntax = rng.pick([(.explicitLittle, 70), (.implicitLittle, 20), (.jpegLossless, 10)])
            let pet: TransferSyntax = rng.pick([
                (.explicitLittle, 55), (.rle, 25), (.implicitLittle, 15), (.jpipReferenced, 1.5),
            ])
            let slices = rng.int(180...420)
            var series = [
                SeriesDraft(kind: .ctLocalizer, count: rng.int(1...2), syntax: ct),
                SeriesDraft(kind: .ctAxial, count: slices, syntax: ct),
                SeriesDraft(kind: .petImage, count: slices * rng.int(60...80) / 100, syntax: pet),
            ]
            if rng.chance(0.5) { series.append(SeriesDraft(kind: .petImage, count: series[2].count, syntax: pet)) }
            if rng.chance(0.8) { series.append(SeriesDraft(kind: .srDose, count: 1, syntax: .explicitLittle)) }
            return series
        }
        if r < 0.90 {
            let syntax: TransferSyntax = rng.pick([
                (.explicitLittle, 65), (.implicitLittle, 25), (.jpegLossless, 9), (.explicitBig, 1),
            ])
            return (0..<rng.int(5...12)).map { _ in
                SeriesDraft(kind: .mrImage, count: rng.int(20...160), syntax: syntax)
            }
        }
        let syntax: TransferSyntax = rng.pick([(.explicitLittle, 60), (.jpegLossless, 30), (.implicitLittle, 10)])
        var series = (0..<rng.int(3...5)).map { _ in
            SeriesDraft(kind: .ctAxial, count: rng.int(80...500), syntax: syntax)
        }
        series.append(SeriesDraft(kind: .srDose, count: 1, syntax: .explicitLittle))
        return series
    }

    /// Trial protocol scans, exported uncompressed from the research PACS: plain single-frame CT or MR, no
    /// dose reports, so every file is transcoded to HTJ2K. (The drawer marks them `.validated`.)
    private func researchStudy(_ rng: inout DemoRandom) -> [SeriesDraft] {
        let syntax: TransferSyntax = rng.pick([(.explicitLittle, 75), (.implicitLittle, 25)])
        if rng.chance(0.55) {
            var series = [SeriesDraft(kind: .ctLocalizer, count: rng.int(1...2), syntax: syntax)]
            for _ in 0..<rng.int(1...2) {
                series.append(SeriesDraft(kind: .ctAxial, count: rng.int(40...220), syntax: syntax))
            }
            return series
        }
        return (0..<rng.int(3...6)).map { _ in
            SeriesDraft(kind: .mrImage, count: rng.int(15...60), syntax: syntax)
        }
    }
}

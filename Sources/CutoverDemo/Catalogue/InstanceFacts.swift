/// What a source file is, derived from its series and its index: frames, size, and the defects it carries.
///
/// Everything here depends on the file's content identity (original study, series number, index), not on
/// where the file sits, so a re-sent copy of a study has the same frames, sizes and warnings as the original.
struct InstanceFacts: Equatable {
    /// `nil` for reports, which carry no pixel data.
    var frames: Int?
    var sizeBytes: Int
    var warnings: WarningSet
    var failure: FailureReason?

    struct Source {
        var seed: UInt64
        var uidStudy: Int32
        var number: UInt16
        var kind: SeriesKind
        var syntax: TransferSyntax
        var flags: SeriesFlags
    }

    init(_ s: Source, index: Int) {
        let h = DemoHash.of(s.seed, .content, UInt64(s.uidStudy) << 16 | UInt64(s.number), UInt64(index))
        func draw(_ k: UInt64) -> UInt64 { DemoHash.mix(h ^ k) }
        func unit(_ k: UInt64) -> Double { DemoHash.unit(draw(k)) }

        let range = s.kind.frameRange
        let frameCount = range.lowerBound + Int(draw(1) % UInt64(range.count))
        frames = s.kind.hasPixelData ? frameCount : nil

        let jitter = 0.88 + 0.24 * unit(2)
        let pixels = Double(s.kind.bytesPerFrame * frameCount) * s.syntax.sizeRatio
        let header = Double(s.kind.headerBytes) * (s.kind.hasPixelData ? 1 : 0.5 + unit(9))
        sizeBytes = Int(header + pixels * jitter)

        if s.flags.contains(.validated) {
            warnings = []
            failure = nil
            return
        }
        var found: WarningSet = []
        if s.kind.hasPixelData && !s.syntax.isSupportedByAHI { found.insert(.init(.unsupportedSyntax)) }
        if s.kind.isMultiFrame {
            let u = unit(3)
            if u < 0.07 {
                found.insert(.init(.invalidOffsetTable))
            } else if u < 0.10 {
                found.insert(.init(.frameNumberMismatch))
            } else if u < 0.115 {
                found.insert(.init(.framesExtraction))
            }
        }
        if s.syntax.isTranscodedLosslessCodec && unit(4) < 0.006 { found.insert(.init(.transcoding)) }
        if s.flags.contains(.legacyUIDs) { found.insert(.init(.invalidUIDFormat)) }
        if unit(5) < (s.kind.hasPixelData ? 0.0055 : 0.03) { found.insert(.init(.coercion)) }
        warnings = found

        if unit(7) < 0.0012 {
            let r = draw(8) % 100
            failure =
                r < 50
                ? .missingTransferSyntax
                : r < 70 ? .missingAttributes : r < 85 ? .missingSOPInstanceUID : .missingStudyInstanceUID
        } else {
            failure = nil
        }
    }
}

/// Quirks a series carries into every one of its instances.
struct SeriesFlags: OptionSet, Sendable {
    let rawValue: UInt8
    /// An old modality that writes UIDs with empty components: warning 45570 on every instance.
    static let legacyUIDs = SeriesFlags(rawValue: 1)
    /// Exported without a file meta header: every instance fails until the series is exported again.
    static let brokenExport = SeriesFlags(rawValue: 2)
    /// From a validated research export: no coercion, no missing attributes, nothing for AHI to flag.
    static let validated = SeriesFlags(rawValue: 4)
}

/// One series of the source archive. Instances are not stored: instance `i` of a series is derived from the
/// series record and `i` (see `DemoPlan+Instances.swift`).
struct PlannedSeries: Sendable {
    var study: Int32
    var number: UInt16
    var kind: SeriesKind
    var syntax: TransferSyntax
    var flags: SeriesFlags
    /// Index of instance 0 in the archive-wide numbering (the inventory row order).
    var firstInstance: Int
    var count: Int32
    var bytes: Int64
}

/// One study: a folder under a batch, holding its series.
struct PlannedStudy: Sendable {
    var cohort: UInt8
    var batch: Int32
    /// The study whose UIDs and pixel data this one carries: itself, or the original of a re-send.
    var uidStudy: Int32
    /// Running number within the cohort, used for the accession number (a re-send keeps the original's).
    var ordinal: Int32
    /// Re-sent later with conflicting patient data, so AHI puts it in a non-primary image set.
    var isResend: Bool
    var patient: UInt64
    /// Days since 1970-01-01.
    var day: Int32
    var firstSeries: Int32
    var seriesCount: Int32
    var instanceCount: Int32

    var seriesRange: Range<Int> { Int(firstSeries)..<Int(firstSeries + seriesCount) }
}

/// One input folder `input/<cohort>/<batch>/`, imported by one job.
struct PlannedBatch: Sendable {
    enum Role: Sendable { case regular, failed, resend }

    var cohort: Int
    var number: Int
    var role: Role
    var firstStudy: Int
    var studyCount: Int
    var firstSeries: Int
    var seriesCount: Int
    var instanceCount: Int
    var bytes: Int64

    var name: String { "batch-" + DemoText.padded(number, 4) }
    var studyRange: Range<Int> { firstStudy..<(firstStudy + studyCount) }
    var seriesRange: Range<Int> { firstSeries..<(firstSeries + seriesCount) }
}

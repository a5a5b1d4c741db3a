/// What a series holds: modality, SOP class, and how big and how many-framed its instances are.
enum SeriesKind: UInt8, CaseIterable, Sendable {
    case computedRadiography, digitalRadiography
    case ctLocalizer, ctAxial, mrImage, petImage
    case usImage, usCine
    case mgForPresentation, mgForProcessing, mgTomosynthesis
    case srDose, srMeasurements, srMammoCAD

    var modality: String {
        switch self {
        case .computedRadiography: "CR"
        case .digitalRadiography: "DX"
        case .ctLocalizer, .ctAxial: "CT"
        case .mrImage: "MR"
        case .petImage: "PT"
        case .usImage, .usCine: "US"
        case .mgForPresentation, .mgForProcessing, .mgTomosynthesis: "MG"
        case .srDose, .srMeasurements, .srMammoCAD: "SR"
        }
    }

    var sopClassUID: String {
        switch self {
        case .computedRadiography: "1.2.840.10008.5.1.4.1.1.1"
        case .digitalRadiography: "1.2.840.10008.5.1.4.1.1.1.1"
        case .ctLocalizer, .ctAxial: "1.2.840.10008.5.1.4.1.1.2"
        case .mrImage: "1.2.840.10008.5.1.4.1.1.4"
        case .petImage: "1.2.840.10008.5.1.4.1.1.128"
        case .usImage: "1.2.840.10008.5.1.4.1.1.6.1"
        case .usCine: "1.2.840.10008.5.1.4.1.1.3.1"
        case .mgForPresentation: "1.2.840.10008.5.1.4.1.1.1.2"
        case .mgForProcessing: "1.2.840.10008.5.1.4.1.1.1.2.1"
        case .mgTomosynthesis: "1.2.840.10008.5.1.4.1.1.13.1.3"
        case .srDose: "1.2.840.10008.5.1.4.1.1.88.67"
        case .srMeasurements: "1.2.840.10008.5.1.4.1.1.88.33"
        case .srMammoCAD: "1.2.840.10008.5.1.4.1.1.88.50"
        }
    }

    /// Structured reports carry no pixel data, so no NumberOfFrames either.
    var hasPixelData: Bool { modality != "SR" }

    var isMultiFrame: Bool { self == .usCine || self == .mgTomosynthesis }

    var frameRange: ClosedRange<Int> {
        switch self {
        case .usCine: 20...150
        case .mgTomosynthesis: 40...90
        default: 1...1
        }
    }

    /// Uncompressed bytes of one frame (rows × columns × samples × bytes per sample).
    var bytesPerFrame: Int {
        switch self {
        case .computedRadiography: 2_048 * 2_500 * 2
        case .digitalRadiography: 3_000 * 3_000 * 2
        case .ctLocalizer: 512 * 1_024 * 2
        case .ctAxial: 512 * 512 * 2
        case .mrImage: 320 * 320 * 2
        case .petImage: 192 * 192 * 2
        case .usImage, .usCine: 800 * 600 * 3
        case .mgForPresentation, .mgForProcessing: 3_328 * 4_096 * 2
        case .mgTomosynthesis: 2_457 * 1_890 * 2
        case .srDose, .srMeasurements, .srMammoCAD: 0
        }
    }

    /// The data set around the pixels; for reports, the whole object.
    var headerBytes: Int {
        switch self {
        case .srDose: 18_000
        case .srMeasurements: 42_000
        case .srMammoCAD: 26_000
        case .ctAxial, .ctLocalizer, .petImage: 6_200
        case .mrImage: 9_800
        default: 4_400
        }
    }
}

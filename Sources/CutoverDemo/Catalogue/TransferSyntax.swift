/// The transfer syntaxes the demo archive holds: mostly uncompressed, some lossy and lossless JPEG family,
/// and a handful of rare ones AHI cannot decode (those come back with warning 45344).
enum TransferSyntax: UInt8, CaseIterable, Sendable {
    case implicitLittle, explicitLittle, explicitBig, deflated
    case jpegBaseline, jpegLossless, jpegLS, jpeg2000Lossless, jpeg2000, rle, mpeg4
    /// Retired JPEG extended process 3 & 5: uncommon and not supported by AHI.
    case jpegExtendedRetired
    /// JPIP referenced: pixel data lives elsewhere; not supported by AHI.
    case jpipReferenced
    /// A vendor-private syntax some old ultrasound carts wrote.
    case vendorPrivate

    var uid: String {
        switch self {
        case .implicitLittle: "1.2.840.10008.1.2"
        case .explicitLittle: "1.2.840.10008.1.2.1"
        case .explicitBig: "1.2.840.10008.1.2.2"
        case .deflated: "1.2.840.10008.1.2.1.99"
        case .jpegBaseline: "1.2.840.10008.1.2.4.50"
        case .jpegLossless: "1.2.840.10008.1.2.4.70"
        case .jpegLS: "1.2.840.10008.1.2.4.80"
        case .jpeg2000Lossless: "1.2.840.10008.1.2.4.90"
        case .jpeg2000: "1.2.840.10008.1.2.4.91"
        case .rle: "1.2.840.10008.1.2.5"
        case .mpeg4: "1.2.840.10008.1.2.4.102"
        case .jpegExtendedRetired: "1.2.840.10008.1.2.4.53"
        case .jpipReferenced: "1.2.840.10008.1.2.4.94"
        case .vendorPrivate: "1.2.840.113619.5.2"
        }
    }

    /// Reference §5.2: anything outside the supported table is stored as a blob with a warning.
    var isSupportedByAHI: Bool {
        switch self {
        case .jpegExtendedRetired, .jpipReferenced, .vendorPrivate: false
        default: true
        }
    }

    /// Lossless codecs are the ones AHI transcodes to HTJ2K, where a rare transcoding failure (45312) can happen.
    var isTranscodedLosslessCodec: Bool {
        switch self {
        case .jpegLossless, .jpegLS, .jpeg2000Lossless, .rle: true
        default: false
        }
    }

    /// Typical size of the pixel data relative to uncompressed.
    var sizeRatio: Double {
        switch self {
        case .implicitLittle, .explicitLittle, .explicitBig, .vendorPrivate: 1.0
        case .deflated: 0.8
        case .jpegBaseline: 0.08
        case .jpegLossless: 0.45
        case .jpegLS: 0.38
        case .jpeg2000Lossless: 0.4
        case .jpeg2000: 0.1
        case .rle: 0.55
        case .mpeg4: 0.02
        case .jpegExtendedRetired: 0.12
        case .jpipReferenced: 0.001
        }
    }
}

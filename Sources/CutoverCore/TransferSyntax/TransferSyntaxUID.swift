/// Transfer syntax UIDs the migration rules name (reference §5.2).
public enum TransferSyntaxUID {
    public static let implicitVRLittleEndian = "1.2.840.10008.1.2"
    public static let explicitVRLittleEndian = "1.2.840.10008.1.2.1"
    public static let deflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99"
    public static let explicitVRBigEndian = "1.2.840.10008.1.2.2"
    public static let jpegBaseline = "1.2.840.10008.1.2.4.50"
    public static let jpegExtended = "1.2.840.10008.1.2.4.51"
    public static let jpegLossless = "1.2.840.10008.1.2.4.57"
    public static let jpegLosslessSV1 = "1.2.840.10008.1.2.4.70"
    public static let jpegLSLossless = "1.2.840.10008.1.2.4.80"
    public static let jpegLSNearLossless = "1.2.840.10008.1.2.4.81"
    public static let jpeg2000Lossless = "1.2.840.10008.1.2.4.90"
    public static let jpeg2000 = "1.2.840.10008.1.2.4.91"
    public static let jpeg2000Part2Lossless = "1.2.840.10008.1.2.4.92"
    public static let jpeg2000Part2 = "1.2.840.10008.1.2.4.93"
    public static let htj2kLossless = "1.2.840.10008.1.2.4.201"
    public static let htj2kLosslessRPCL = "1.2.840.10008.1.2.4.202"
    public static let htj2k = "1.2.840.10008.1.2.4.203"
    public static let rleLossless = "1.2.840.10008.1.2.5"

    /// Encodings AHI re-encodes into the store's lossless format.
    public static let transcoded: Set<String> = [
        implicitVRLittleEndian, explicitVRLittleEndian, deflatedExplicitVRLittleEndian, explicitVRBigEndian,
        jpegExtended, jpegLossless, jpegLosslessSV1, jpegLSLossless, jpegLSNearLossless, jpeg2000Lossless,
        jpeg2000Part2Lossless, jpeg2000Part2, htj2kLossless, htj2kLosslessRPCL, rleLossless,
    ]

    /// Encodings AHI keeps as they arrive: lossy stills, and video (MPEG-2, H.264, H.265).
    public static let kept: Set<String> = [
        jpegBaseline, jpeg2000, htj2k,
        "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.100.1", "1.2.840.10008.1.2.4.101",
        "1.2.840.10008.1.2.4.101.1", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.102.1",
        "1.2.840.10008.1.2.4.103", "1.2.840.10008.1.2.4.103.1", "1.2.840.10008.1.2.4.104",
        "1.2.840.10008.1.2.4.104.1", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.105.1",
        "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.4.106.1", "1.2.840.10008.1.2.4.107",
        "1.2.840.10008.1.2.4.108",
    ]

    /// Segmentation Storage; its binary pixel data is kept in Explicit VR LE rather than compressed.
    public static let segmentationSOPClass = "1.2.840.10008.5.1.4.1.1.66.4"
}

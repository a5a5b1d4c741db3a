/// Names of the transfer syntaxes people meet in a migration, for summaries.
enum TransferSyntaxName {
    static func of(_ uid: String) -> String {
        switch uid {
        case "1.2.840.10008.1.2": "Implicit VR Little Endian"
        case "1.2.840.10008.1.2.1": "Explicit VR Little Endian"
        case "1.2.840.10008.1.2.1.99": "Deflated Explicit VR Little Endian"
        case "1.2.840.10008.1.2.2": "Explicit VR Big Endian"
        case "1.2.840.10008.1.2.4.50": "JPEG Baseline"
        case "1.2.840.10008.1.2.4.51": "JPEG Extended"
        case "1.2.840.10008.1.2.4.57": "JPEG Lossless"
        case "1.2.840.10008.1.2.4.70": "JPEG Lossless SV1"
        case "1.2.840.10008.1.2.4.80": "JPEG-LS Lossless"
        case "1.2.840.10008.1.2.4.81": "JPEG-LS Near-Lossless"
        case "1.2.840.10008.1.2.4.90": "JPEG 2000 Lossless"
        case "1.2.840.10008.1.2.4.91": "JPEG 2000"
        case "1.2.840.10008.1.2.4.201": "HTJ2K Lossless"
        case "1.2.840.10008.1.2.4.202": "HTJ2K Lossless RPCL"
        case "1.2.840.10008.1.2.4.203": "HTJ2K"
        case "1.2.840.10008.1.2.5": "RLE Lossless"
        case "(no file meta)": "read as Implicit VR Little Endian"
        default: uid.hasPrefix("1.2.840.10008.1.2.4.10") ? "MPEG / H.264 / HEVC video" : ""
        }
    }
}

/// Predicts the transfer syntax AHI will store an instance in, before (or without) reading image set metadata.
public enum StoredSyntax {
    /// What AHI does with an instance's pixel data.
    public enum Disposition: String, Equatable, Sendable {
        /// Re-encoded into the data store's lossless storage format.
        case transcoded
        /// Stored in its original encoding.
        case kept
        /// Unknown or unsupported: stored as-is as a blob, with warning 45344 (UNSUPPORTED_TRANSFER_SYNTAX).
        case unsupported
    }

    /// The `losslessStorageFormat` value that selects JPEG 2000 Lossless; anything else means HTJ2K, the default.
    public static let jpeg2000LosslessFormat = "JPEG_2000_LOSSLESS"

    /// Reference §5.2: kept syntaxes stay; transcoded ones become HTJ2K Lossless RPCL (1.2.840.10008.1.2.4.202),
    /// or JPEG 2000 Lossless (1.2.840.10008.1.2.4.90) for a JPEG_2000_LOSSLESS store; binary segmentation
    /// (SOP class 1.2.840.10008.5.1.4.1.1.66.4) in Explicit VR LE is kept; an unknown/unsupported source syntax
    /// is stored as-is (blob, warning 45344); nil source → implicit VR LE rules.
    public static func predict(source: String?, sopClassUID: String?, losslessStorageFormat: String) -> String {
        let uid = normalized(source) ?? TransferSyntaxUID.implicitVRLittleEndian
        switch disposition(source: uid, sopClassUID: sopClassUID) {
        case .kept, .unsupported: return uid
        case .transcoded: return losslessTarget(losslessStorageFormat)
        }
    }

    /// How AHI treats `source`; nil or empty follows the implicit VR LE rules (the DICOM default syntax).
    public static func disposition(source: String?, sopClassUID: String?) -> Disposition {
        let uid = normalized(source) ?? TransferSyntaxUID.implicitVRLittleEndian
        if uid == TransferSyntaxUID.explicitVRLittleEndian,
            normalized(sopClassUID) == TransferSyntaxUID.segmentationSOPClass
        {
            return .kept
        }
        if TransferSyntaxUID.transcoded.contains(uid) { return .transcoded }
        if TransferSyntaxUID.kept.contains(uid) { return .kept }
        return .unsupported
    }

    /// The UID a transcoded instance ends up in for a data store's `losslessStorageFormat`.
    public static func losslessTarget(_ losslessStorageFormat: String) -> String {
        losslessStorageFormat.uppercased() == jpeg2000LosslessFormat
            ? TransferSyntaxUID.jpeg2000Lossless : TransferSyntaxUID.htj2kLosslessRPCL
    }

    /// DICOM pads UIDs to even length with a NUL and exports often add spaces; neither is part of the UID.
    static func normalized(_ uid: String?) -> String? {
        guard let uid else { return nil }
        let trimmed = uid.drop { $0 == " " || $0 == "\0" }.reversed().drop { $0 == " " || $0 == "\0" }.reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}

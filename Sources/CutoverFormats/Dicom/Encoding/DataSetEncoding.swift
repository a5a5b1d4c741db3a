/// How the elements of a data set are laid out: whether each carries its VR, and the byte order of tags and
/// lengths.
struct DataSetEncoding: Equatable {
    var isExplicitVR: Bool
    var isLittleEndian: Bool

    static let implicitLittleEndian = DataSetEncoding(isExplicitVR: false, isLittleEndian: true)
    static let explicitLittleEndian = DataSetEncoding(isExplicitVR: true, isLittleEndian: true)
    static let explicitBigEndian = DataSetEncoding(isExplicitVR: true, isLittleEndian: false)
}

/// What a transfer syntax UID says about the data set after the meta group.
struct TransferSyntax: Equatable {
    var encoding: DataSetEncoding
    /// The data set is a raw deflate stream (PS3.5 A.5, and the JPIP deflate syntaxes).
    var isDeflated: Bool

    /// Every syntax not named here is explicit VR little endian, as PS3.5 A.4 requires of all encapsulated ones;
    /// private syntaxes are read the same way and checked against the first element.
    init(uid: String) {
        switch uid {
        case "1.2.840.10008.1.2":
            self.init(encoding: .implicitLittleEndian, isDeflated: false)
        case "1.2.840.10008.1.2.2":
            self.init(encoding: .explicitBigEndian, isDeflated: false)
        case "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.95", "1.2.840.10008.1.2.4.205":
            self.init(encoding: .explicitLittleEndian, isDeflated: true)
        default:
            self.init(encoding: .explicitLittleEndian, isDeflated: false)
        }
    }

    init(encoding: DataSetEncoding, isDeflated: Bool) {
        self.encoding = encoding
        self.isDeflated = isDeflated
    }
}

/// Writes data set bytes element by element in one of the three encodings, so tests can state a file's content
/// instead of shipping binary fixtures.
struct DataSetBuilder {
    enum Encoding: String, CaseIterable, Sendable {
        case implicitLittle, explicitLittle, explicitBig

        var isExplicit: Bool { self != .implicitLittle }
        var isLittle: Bool { self != .explicitBig }

        var transferSyntax: String {
            switch self {
            case .implicitLittle: "1.2.840.10008.1.2"
            case .explicitLittle: "1.2.840.10008.1.2.1"
            case .explicitBig: "1.2.840.10008.1.2.2"
            }
        }
    }

    enum Length {
        case defined, undefined
    }

    let encoding: Encoding
    private(set) var bytes: [UInt8] = []

    init(_ encoding: Encoding) {
        self.encoding = encoding
    }

    mutating func raw(_ more: [UInt8]) {
        bytes += more
    }

    mutating func uint16(_ value: UInt16) {
        let ordered = encoding.isLittle ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: ordered) { bytes += $0 }
    }

    mutating func uint32(_ value: UInt32) {
        let ordered = encoding.isLittle ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: ordered) { bytes += $0 }
    }

    mutating func tag(_ tag: UInt32) {
        uint16(UInt16(tag >> 16))
        uint16(UInt16(tag & 0xFFFF))
    }

    /// Tag, VR (when explicit) and length, laid out as PS3.5 7.1 says for `vr`.
    mutating func header(_ tag: UInt32, _ vr: String, length: UInt32) {
        self.tag(tag)
        guard encoding.isExplicit else {
            uint32(length)
            return
        }
        bytes += Array(vr.utf8)
        if Self.longVRs.contains(vr) {
            uint16(0)
            uint32(length)
        } else {
            uint16(UInt16(length))
        }
    }

    mutating func element(_ tag: UInt32, _ vr: String, _ value: [UInt8]) {
        header(tag, vr, length: UInt32(value.count))
        bytes += value
    }

    /// A text value padded to even length the way the standard pads `vr`: NUL for UI, space otherwise.
    mutating func text(_ tag: UInt32, _ vr: String, _ text: String) {
        var value = Array(text.utf8)
        if value.count % 2 == 1 {
            value.append(vr == "UI" ? 0 : 0x20)
        }
        element(tag, vr, value)
    }

    /// A sequence whose items are the given data sets. The items' own encoding is used for the item and
    /// delimiter tags, which is how a UN sequence of undefined length carries implicit VR little endian items.
    mutating func sequence(
        _ tag: UInt32, vr: String = "SQ", length: Length, items: [DataSetBuilder], itemLength: Length
    ) {
        var body = DataSetBuilder(items.first?.encoding ?? encoding)
        for item in items {
            body.tag(0xFFFE_E000)
            body.uint32(itemLength == .undefined ? 0xFFFF_FFFF : UInt32(item.bytes.count))
            body.raw(item.bytes)
            if itemLength == .undefined {
                body.tag(0xFFFE_E00D)
                body.uint32(0)
            }
        }
        if length == .undefined {
            body.tag(0xFFFE_E0DD)
            body.uint32(0)
        }
        header(tag, vr, length: length == .undefined ? 0xFFFF_FFFF : UInt32(body.bytes.count))
        bytes += body.bytes
    }

    private static let longVRs: Set<String> = [
        "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV",
    ]
}

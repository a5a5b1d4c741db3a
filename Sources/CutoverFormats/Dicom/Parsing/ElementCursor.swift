/// Reads element headers and values from a ``ByteSource`` by offset, checking every length against the end of
/// the source before it is trusted.
struct ElementCursor<Source: ByteSource> {
    /// No header value is anywhere near this; a longer one means a corrupt length, not a real name or UID.
    static var valueLimit: Int { 1024 * 1024 }

    var source: Source

    /// The element header at `offset`, or `nil` when the source ends exactly there.
    mutating func header(at offset: Int, encoding: DataSetEncoding) throws(DicomReadError) -> ElementHeader? {
        let bytes = try source.bytes(at: offset, count: 12)
        if bytes.isEmpty { return nil }
        guard bytes.count >= 8 else { throw .endsInsideHeader(at: offset) }
        let little = encoding.isLittleEndian
        let group = bytes.uint16(at: 0, littleEndian: little)
        let tag = UInt32(group) << 16 | UInt32(bytes.uint16(at: 2, littleEndian: little))
        guard encoding.isExplicitVR, group != DicomTag.delimiterGroup,
            ValueRepresentation.looksExplicit(bytes[4], bytes[5])
        else {
            let length = bytes.uint32(at: 4, littleEndian: little)
            return ElementHeader(tag: tag, vr: 0, length: length, valueOffset: offset + 8)
        }
        let vr = UInt16(bytes[4]) << 8 | UInt16(bytes[5])
        if ValueRepresentation.hasLongLength(vr) {
            guard bytes.count >= 12 else { throw .endsInsideHeader(at: offset) }
            let length = bytes.uint32(at: 8, littleEndian: little)
            return ElementHeader(tag: tag, vr: vr, length: length, valueOffset: offset + 12)
        }
        let length = UInt32(bytes.uint16(at: 6, littleEndian: little))
        return ElementHeader(tag: tag, vr: vr, length: length, valueOffset: offset + 8)
    }

    /// The whole value of a defined-length element, for the few elements the header keeps.
    mutating func value(of element: ElementHeader) throws(DicomReadError) -> UnsafeRawBufferPointer {
        let length = Int(element.length)
        guard length <= Self.valueLimit else {
            throw DicomReadError("element \(DicomTag.describe(element.tag)) is too long to be a header value")
        }
        let bytes = try source.bytes(at: element.valueOffset, count: length)
        guard bytes.count == length else { throw .endsInside(element.tag) }
        return bytes
    }

    /// The offset just past a defined-length value, once the source is known to reach it.
    mutating func end(of element: ElementHeader) throws(DicomReadError) -> Int {
        try end(ofValueAt: element.valueOffset, length: element.length, naming: element.tag)
    }

    /// As ``end(of:)`` for a value that errors should name by another tag, such as an item by its sequence.
    mutating func end(ofValueAt offset: Int, length: UInt32, naming tag: UInt32) throws(DicomReadError) -> Int {
        let (end, overflow) = offset.addingReportingOverflow(Int(length))
        guard !overflow, try source.reaches(end) else { throw .endsInside(tag) }
        return end
    }
}

/// Where the parser gets bytes from: a buffer in memory, a file read on demand, or an inflated stream.
///
/// The parser asks by absolute offset and only ever moves forward past what it has finished with, which lets a
/// file be read in small windows and a deflated stream be inflated without keeping what was skipped.
protocol ByteSource {
    /// Up to `count` bytes from `offset`; fewer only where the source ends first, none at or past its end.
    /// The buffer stays valid until the next call on the source.
    mutating func bytes(at offset: Int, count: Int) throws(DicomReadError) -> UnsafeRawBufferPointer

    /// Whether the source holds at least `offset` bytes, that is whether skipping to `offset` stays inside it.
    /// Offsets before `offset` may be forgotten afterwards.
    mutating func reaches(_ offset: Int) throws(DicomReadError) -> Bool
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func uint16(at offset: Int, littleEndian: Bool) -> UInt16 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return littleEndian ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
    }

    @inline(__always)
    func uint32(at offset: Int, littleEndian: Bool) -> UInt32 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return littleEndian ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
    }
}

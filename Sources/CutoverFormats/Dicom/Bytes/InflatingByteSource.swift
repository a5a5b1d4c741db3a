import CZlib

/// The data set of a deflated transfer syntax: a raw deflate stream (no zlib or gzip wrapper) that starts right
/// after the meta group, inflated only as far as the parser asks.
///
/// Bytes the parser has moved past are dropped, so memory stays at one window however much is skipped; the
/// total inflated is capped so a deflate bomb ends in an error rather than minutes of work.
final class InflatingByteSource<Compressed: ByteSource>: ByteSource {
    static var defaultOutputLimit: Int { 256 * 1024 * 1024 }
    private static var inputChunk: Int { 16 * 1024 }

    private var compressed: Compressed
    private var compressedOffset: Int
    private let stream: UnsafeMutablePointer<z_stream>
    private var window: UnsafeMutableRawBufferPointer
    /// Offset in the inflated stream of `window[0]`.
    private var windowStart = 0
    private var windowCount = 0
    private var isFinished = false
    private let outputLimit: Int

    init(
        compressed: Compressed, startingAt offset: Int, outputLimit: Int = defaultOutputLimit
    ) throws(DicomReadError) {
        self.outputLimit = outputLimit
        self.compressed = compressed
        self.compressedOffset = offset
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        window = .allocate(byteCount: 64 * 1024, alignment: 16)
        // Negative window bits select a raw deflate stream, as PS3.5 A.5 specifies.
        let status = inflateInit2_(stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        // deinit still runs when this throws, and inflateEnd accepts a stream whose set-up failed.
        guard status == Z_OK else { throw DicomReadError("cannot start inflating the deflated data set") }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        window.deallocate()
    }

    func bytes(at offset: Int, count: Int) throws(DicomReadError) -> UnsafeRawBufferPointer {
        if offset >= windowStart, offset + count <= windowStart + windowCount {
            return slice(from: offset, count: count)
        }
        if count > window.count {
            grow(to: count)
        }
        try advance(to: offset, keeping: count)
        let available = max(0, windowStart + windowCount - offset)
        return slice(from: offset, count: min(count, available))
    }

    func reaches(_ offset: Int) throws(DicomReadError) -> Bool {
        try advance(to: offset, keeping: 0)
        return windowStart + windowCount >= offset
    }

    @inline(__always)
    private func slice(from offset: Int, count: Int) -> UnsafeRawBufferPointer {
        guard count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: window.baseAddress! + (offset - windowStart), count: count)
    }

    /// Inflates until the window holds `offset..<offset + count` or the stream ends, dropping what lies before
    /// `offset` on the way.
    private func advance(to offset: Int, keeping count: Int) throws(DicomReadError) {
        // The parser only moves forward; an error rather than a trap keeps a bug here from taking a scan down.
        guard offset >= windowStart else { throw DicomReadError("the deflated data set was read out of order") }
        drop(before: offset)
        while windowStart + windowCount < offset + count, !isFinished {
            try inflateIntoWindow()
            drop(before: offset)
        }
    }

    private func drop(before offset: Int) {
        let dropped = min(offset - windowStart, windowCount)
        guard dropped > 0 else { return }
        let base = window.baseAddress!
        base.copyMemory(from: base + dropped, byteCount: windowCount - dropped)
        windowStart += dropped
        windowCount -= dropped
    }

    private func grow(to capacity: Int) {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        larger.baseAddress!.copyMemory(from: window.baseAddress!, byteCount: windowCount)
        window.deallocate()
        window = larger
    }

    /// One round of inflation into the free end of the window.
    private func inflateIntoWindow() throws(DicomReadError) {
        if stream.pointee.avail_in == 0 {
            let input = try compressed.bytes(at: compressedOffset, count: Self.inputChunk)
            guard input.count > 0 else { throw DicomReadError("file ends inside the deflated data set") }
            compressedOffset += input.count
            let next = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: next)
            stream.pointee.avail_in = uInt(input.count)
        }
        let free = window.count - windowCount
        let inputBefore = stream.pointee.avail_in
        stream.pointee.next_out = (window.baseAddress! + windowCount).assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(free)
        let status = inflate(stream, Z_NO_FLUSH)
        let produced = free - Int(stream.pointee.avail_out)
        windowCount += produced
        switch status {
        case Z_OK:
            break
        case Z_BUF_ERROR where produced > 0 || stream.pointee.avail_in < inputBefore:
            break
        case Z_STREAM_END:
            isFinished = true
        default:
            throw DicomReadError("the deflated data set is corrupt")
        }
        if windowStart + windowCount > outputLimit {
            throw DicomReadError("the deflated data set inflates past \(outputLimit >> 20) MiB before the header ends")
        }
    }
}

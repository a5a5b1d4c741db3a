/// A caller's buffer, read in place.
struct MemoryByteSource: ByteSource {
    let buffer: UnsafeRawBufferPointer

    func bytes(at offset: Int, count: Int) -> UnsafeRawBufferPointer {
        guard offset < buffer.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + min(count, buffer.count - offset))])
    }

    func reaches(_ offset: Int) -> Bool {
        offset <= buffer.count
    }
}

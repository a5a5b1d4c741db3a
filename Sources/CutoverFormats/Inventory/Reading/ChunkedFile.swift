#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A window onto a file, refilled with `pread` one chunk at a time.
///
/// The bytes not yet consumed (`start..<end`) are moved to the front before each read, so a record that
/// straddles two chunks is still contiguous and can be parsed in place. The buffer grows only while one
/// record is longer than what it holds, and the readers cap records, so memory stays flat however large
/// the file is.
final class ChunkedFile {
    let path: String
    /// The most bytes one `pread` asks for. Tests make it tiny to split records and quoted values.
    let readSize: Int
    fileprivate let descriptor: Int32
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The first byte not yet consumed; readers advance it.
    var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    /// Whether a read found nothing more: what lies in the window is all that is left.
    private(set) var isAtEnd = false
    /// The file offset of `bytes[0]`.
    private var windowOffset: Int64 = 0

    init(path: String, readSize: Int) throws(InventoryFileError) {
        precondition(readSize > 0, "a chunk holds at least one byte")
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InventoryFileError(path: path, doing: "open", errno: errno) }
        self.path = path
        self.readSize = readSize
        self.descriptor = descriptor
        self.capacity = readSize
        self.bytes = .allocate(capacity: readSize)
    }

    deinit {
        close(descriptor)
        bytes.deallocate()
    }

    /// The bytes not yet consumed.
    var remaining: Int { end - start }

    /// The file offset of the byte at `index` in the window.
    func fileOffset(at index: Int) -> Int64 { windowOffset + Int64(index) }

    /// Empties the window so the next `refill` reads from `offset`.
    func rewind(to offset: Int64) {
        start = 0
        end = 0
        isAtEnd = false
        windowOffset = offset
    }

    /// Drops what was consumed, keeps the rest at the front and reads the next chunk after it.
    /// At end of file it sets `isAtEnd` instead.
    func refill() throws(InventoryFileError) {
        let kept = end - start
        if start > 0 {
            if kept > 0 { memmove(bytes, bytes + start, kept) }
            windowOffset += Int64(start)
            start = 0
            end = kept
        }
        if capacity - end < readSize { grow(to: max(capacity * 2, end + readSize)) }
        while true {
            let count = pread(descriptor, bytes + end, readSize, off_t(windowOffset + Int64(end)))
            if count < 0 {
                if errno == EINTR { continue }
                throw InventoryFileError(path: path, doing: "read", errno: errno)
            }
            if count == 0 { isAtEnd = true }
            end += count
            return
        }
    }

    private func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.update(from: bytes, count: end)
        bytes.deallocate()
        bytes = larger
        capacity = newCapacity
    }
}

extension ChunkedFile {
    /// Up to `count` bytes from the start of the file, read apart from the window.
    func sample(_ count: Int) throws(InventoryFileError) -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = sample.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(filled))
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw InventoryFileError(path: path, doing: "read", errno: errno)
            }
            if read == 0 { break }
            filled += read
        }
        sample.removeLast(count - filled)
        return sample
    }
}

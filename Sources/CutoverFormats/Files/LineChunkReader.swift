#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Reads a file from a byte offset in large chunks and hands out complete lines, so a 1 GB NDJSON file
/// is never held in memory and no line is copied.
///
/// A line is complete when a newline ends it. The unterminated tail at end of file is offered to
/// `tail`, which decides whether it is whole (a complete JSON object is; half an object is not and
/// waits for the next poll, because the file is still being written).
public struct LineChunkReader {
    public let path: String
    public private(set) var offset: Int64
    public private(set) var line: Int
    private let chunkSize: Int

    /// - Parameters:
    ///   - offset: where the previous read stopped (just after a newline).
    ///   - line: lines consumed before `offset`.
    public init(path: String, offset: Int64 = 0, line: Int = 0, chunkSize: Int = 4 << 20) {
        self.path = path
        self.offset = offset
        self.line = line
        self.chunkSize = chunkSize
    }

    /// Calls `body` for every complete line after `offset` (without its newline, `\r` trimmed), with its
    /// 1-based number and the file offset where it starts; then offers an unterminated tail to `tail`.
    /// Stops early after `maxLines` lines (the caller commits a batch and calls again).
    /// `offset` and `line` advance past what was consumed. Returns the number of lines consumed.
    @discardableResult
    public mutating func read(
        maxLines: Int = .max,
        upTo limit: Int64? = nil,
        _ body: (UnsafeRawBufferPointer, Int, Int64) throws -> Void,
        tail: (UnsafeRawBufferPointer, Int, Int64) throws -> Bool = { _, _, _ in false }
    ) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, errno: errno) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var capacity = chunkSize
        var storage = buffer
        var grown: UnsafeMutableRawPointer?
        defer { grown?.deallocate() }

        var filled = 0  // bytes in storage, starting at file position `offset`
        var filePos = offset
        var consumedLines = 0
        var eof = false
        while !eof {
            if let limit, filePos >= limit { eof = true; break }
            if filled == capacity {
                // One line longer than the buffer: grow to hold it.
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: storage, byteCount: filled)
                grown?.deallocate()
                grown = bigger
                storage = bigger
                capacity *= 2
            }
            var want = capacity - filled
            if let limit { want = min(want, Int(limit - filePos)) }
            let n = pread(fd, storage + filled, want, off_t(filePos))
            if n < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, errno: errno)
            }
            if n == 0 { eof = true; break }
            filled += n
            filePos += Int64(n)

            // Hand out every complete line in the buffer.
            let bytes = storage.assumingMemoryBound(to: UInt8.self)
            var start = 0
            while start < filled, let nl = memchr(bytes + start, 0x0A, filled - start) {
                let nlIndex = UnsafeMutableRawPointer(nl) - storage
                var stop = nlIndex
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                line += 1
                consumedLines += 1
                let endOffset = offset + Int64(nlIndex + 1)
                try body(UnsafeRawBufferPointer(start: storage + start, count: stop - start), line, offset + Int64(start))
                start = nlIndex + 1
                if consumedLines == maxLines {
                    offset = endOffset
                    return consumedLines
                }
            }
            // Keep the partial line for the next read.
            if start > 0 {
                offset += Int64(start)
                filled -= start
                if filled > 0 { memmove(storage, storage + start, filled) }
            }
        }
        if filled > 0 {
            let text = UnsafeRawBufferPointer(start: storage, count: filled)
            if try tail(text, line + 1, offset) {
                line += 1
                consumedLines += 1
                offset += Int64(filled)
            }
        }
        return consumedLines
    }
}

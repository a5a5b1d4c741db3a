import Foundation

/// A file read through one reusable window with `pread`, so a header costs one or two system calls and skipping
/// a large element costs none.
final class FileByteSource: ByteSource {
    /// Most headers end well inside this, so most files need a single read.
    static let initialWindow = 16 * 1024

    private let descriptor: Int32
    private let size: Int
    private var window: UnsafeMutableRawBufferPointer
    private var windowStart = 0
    private var windowCount = 0

    init(path: String) throws(DicomReadError) {
        // Non-blocking so that a FIFO in a scanned folder is refused below instead of waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw DicomReadError("cannot open the file: \(Self.systemMessage())") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let message = Self.systemMessage()
            close(descriptor)
            throw DicomReadError("cannot inspect the file: \(message)")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw DicomReadError("not a regular file")
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.window = .allocate(byteCount: Self.initialWindow, alignment: 16)
    }

    deinit {
        window.deallocate()
        close(descriptor)
    }

    func bytes(at offset: Int, count: Int) throws(DicomReadError) -> UnsafeRawBufferPointer {
        let windowEnd = windowStart + windowCount
        if offset >= windowStart, offset + count <= windowEnd || windowEnd == size {
            return slice(from: min(offset, windowEnd), to: min(offset + count, windowEnd))
        }
        guard offset < size else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        if count > window.count {
            window.deallocate()
            window = .allocate(byteCount: count, alignment: 16)
        }
        try fill(from: offset)
        return slice(from: offset, to: offset + min(count, windowCount))
    }

    /// Absolute offsets `start..<end`, both inside the window.
    @inline(__always)
    private func slice(from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: window.baseAddress! + (start - windowStart), count: end - start)
    }

    func reaches(_ offset: Int) -> Bool {
        offset <= size
    }

    /// Loads the window from `offset`; a file that shrank while being read just ends early.
    private func fill(from offset: Int) throws(DicomReadError) {
        let wanted = min(window.count, size - offset)
        var filled = 0
        while filled < wanted {
            let got = pread(descriptor, window.baseAddress! + filled, wanted - filled, off_t(offset + filled))
            if got > 0 {
                filled += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw DicomReadError("cannot read the file: \(Self.systemMessage())")
            }
        }
        windowStart = offset
        windowCount = filled
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// One file per fuzzing process, rewritten with each input, for the parsers the program only ever points at a
/// path. Kept open and truncated rather than created per input, so a run spends its time in the parser.
public final class ScratchFile: Sendable {
    public let path: String
    private let descriptor: Int32

    /// `suffix` matters to readers that decide the format by extension (`.csv`, `.ndjson`).
    public init(suffix: String) {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        path = "\(directory)/cutover-fuzz-\(getpid())\(suffix)"
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(descriptor >= 0, "cannot create \(path)")
        atexit_unlink(path)
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        precondition(ftruncate(descriptor, 0) == 0)
        var written = 0
        while written < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(written))
            precondition(n > 0 || errno == EINTR, "cannot write \(path)")
            if n > 0 { written += n }
        }
    }
}

private nonisolated(unsafe) var pathsToRemove: [String] = []

/// libFuzzer leaves through `exit`, so the scratch files are removed by an exit handler.
private func atexit_unlink(_ path: String) {
    if pathsToRemove.isEmpty {
        atexit { for path in pathsToRemove { unlink(path) } }
    }
    pathsToRemove.append(path)
}

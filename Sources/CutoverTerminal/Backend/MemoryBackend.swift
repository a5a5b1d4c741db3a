/// A terminal in memory for tests: keys are queued up front, frames are kept, nothing touches a tty.
///
/// ```swift
/// let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24), keys: [.down, .enter])
/// runtime.run(on: backend)
/// #expect(backend.lastFrame?.text(row: 0).hasPrefix("cutover") == true)
/// ```
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    /// Keys still to be read, first one next.
    public var pendingKeys: [Key]
    /// Every frame drawn, oldest first.
    public private(set) var frames: [CellBuffer] = []
    /// For each frame, how many cells a real backend would have written (measured with `BufferDiff`).
    public private(set) var cellsWritten: [Int] = []
    /// How many times `restore()` was called; the runtime must call it on every exit path.
    public private(set) var restoreCount = 0

    public init(size: TerminalSize, keys: [Key] = []) {
        self.size = size
        self.pendingKeys = keys
    }

    public var lastFrame: CellBuffer? { frames.last }
    public var isRestored: Bool { restoreCount > 0 }

    /// Queues keys after those already waiting.
    public func press(_ keys: Key...) { pendingKeys += keys }

    /// Changes the size and queues `.resize`, as a terminal does when its window changes.
    public func resize(to newSize: TerminalSize) {
        size = newSize
        pendingKeys.append(.resize)
    }

    public func draw(_ buffer: CellBuffer) {
        cellsWritten.append(BufferDiff.changes(from: frames.last, to: buffer).reduce(0) { $0 + $1.cells.count })
        frames.append(buffer)
    }

    /// Never waits: an empty queue answers nil at once, as a timeout would.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func restore() { restoreCount += 1 }
}

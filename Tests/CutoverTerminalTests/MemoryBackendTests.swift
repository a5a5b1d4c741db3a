import Testing

@testable import CutoverTerminal

@Suite struct MemoryBackendTests {
    @Test func keysComeOutInOrderThenNil() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24), keys: [.down, .character("q")])
        backend.press(.enter)
        #expect(backend.readKey(timeoutMilliseconds: 100) == .down)
        #expect(backend.readKey(timeoutMilliseconds: 100) == .character("q"))
        #expect(backend.readKey(timeoutMilliseconds: 100) == .enter)
        #expect(backend.readKey(timeoutMilliseconds: 100) == nil)
    }

    @Test func resizingChangesTheSizeAndQueuesAResizeKey() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24), keys: [.up])
        backend.resize(to: TerminalSize(columns: 120, rows: 40))
        #expect(backend.size == TerminalSize(columns: 120, rows: 40))
        #expect(backend.pendingKeys == [.up, .resize])
    }

    @Test func framesAreRecordedWithTheCellsARealTerminalWouldGet() {
        let size = TerminalSize(columns: 20, rows: 5)
        let backend = MemoryBackend(size: size)
        var frame = CellBuffer(size: size)
        frame.put("cutover", x: 0, y: 0)
        backend.draw(frame)
        backend.draw(frame)
        frame.put("!", x: 7, y: 0, role: .warning)
        backend.draw(frame)
        #expect(backend.frames.count == 3)
        #expect(backend.lastFrame?.text(row: 0).hasPrefix("cutover!") == true)
        #expect(backend.cellsWritten == [100, 0, 1])
    }

    @Test func restoreIsRecordedAndSafeToRepeat() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24))
        #expect(!backend.isRestored)
        backend.restore()
        backend.restore()
        #expect(backend.isRestored)
        #expect(backend.restoreCount == 2)
    }
}

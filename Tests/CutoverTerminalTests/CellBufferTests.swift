import Testing
@testable import CutoverTerminal

@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCellsAndClipAtTheEdge() {
        var buffer = CellBuffer(size: TerminalSize(columns: 5, rows: 1))
        let used = buffer.put("山田太郎", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.text(row: 0) == "山田 ")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var buffer = CellBuffer(size: TerminalSize(columns: 12, rows: 1))
        buffer.put("a\u{1B}[2Jb\u{7}", x: 0, y: 0)
        #expect(buffer.text(row: 0) == "a·[2Jb·     ")
    }

    @Test func combiningMarksAddNoWidth() {
        var buffer = CellBuffer(size: TerminalSize(columns: 4, rows: 1))
        #expect(buffer.put("e\u{301}x", x: 0, y: 0) == 2)
    }
}

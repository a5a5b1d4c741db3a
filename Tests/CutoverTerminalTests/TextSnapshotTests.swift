import Testing

@testable import CutoverTerminal

@Suite struct TextSnapshotTests {
    @Test func colourSnapshotsHaveCharactersAndRoles() {
        let snapshot = TextSnapshot.make(AnsiRendererTests.sample, theme: nil, depth: .sixteen)
        #expect(
            snapshot == """
                abc
                山 !
                --- roles
                xx....
                oo.w..

                """)
    }

    @Test func monoSnapshotsAddTheAttributeLayer() {
        let snapshot = TextSnapshot.make(AnsiRendererTests.sample, theme: .default, depth: .mono)
        #expect(
            snapshot == """
                abc
                山 !
                --- roles
                xx....
                oo.w..
                --- mono
                RR....
                ...U..

                """)
    }

    @Test func theMonoLayerFollowsTheTheme() throws {
        var buffer = CellBuffer(size: TerminalSize(columns: 4, rows: 1))
        buffer.put("!", x: 0, y: 0, role: .warning)
        buffer.put("s", x: 1, y: 0, role: .stale)
        buffer.put("c", x: 2, y: 0, role: .careful)
        var theme = Theme.default
        theme[.warning].attributes = [.bold, .dim]
        let snapshot = TextSnapshot.make(buffer, theme: theme, depth: .mono)
        #expect(snapshot.hasSuffix("--- mono\nBDB.\n"))
    }

    @Test func aContinuationCellTakesItsLeadsLetter() {
        var buffer = CellBuffer(size: TerminalSize(columns: 3, rows: 1))
        buffer.put("山", x: 0, y: 0, role: .critical)
        buffer.paint(x: 1, y: 0, width: 2, role: .muted)
        #expect(TextSnapshot.make(buffer, theme: nil, depth: .eight) == "山\n--- roles\nxxm\n")
    }

    static let letters: [(attributes: TextAttributes, letter: Character)] = [
        ([.reverse, .underline, .bold, .dim], "R"), ([.underline, .bold, .dim], "U"), ([.bold, .dim], "B"),
        (.dim, "D"), ([], "."),
    ]

    @Test(arguments: letters)
    func attributeLettersFollowPrecedence(_ expected: (attributes: TextAttributes, letter: Character)) {
        #expect(TextSnapshot.monoLetter(expected.attributes) == expected.letter)
    }
}

import Testing

@testable import CutoverTerminal

@Suite struct AnsiRendererTests {
    /// "abc" with "ab" critical on the first row, a wide character (ok) and a warning on the second.
    static var sample: CellBuffer {
        var buffer = CellBuffer(size: TerminalSize(columns: 6, rows: 2))
        buffer.put("ab", x: 0, y: 0, role: .critical)
        buffer.put("c", x: 2, y: 0)
        buffer.put("山", x: 0, y: 1, role: .ok)
        buffer.put("!", x: 3, y: 1, role: .warning)
        return buffer
    }

    @Test(arguments: ColorDepth.allCases)
    func plainOutputHasNoEscapesAndNoTrailingSpaces(_ depth: ColorDepth) {
        let text = AnsiRenderer.render(Self.sample, theme: .default, depth: depth, plain: true)
        #expect(text == "abc\n山 !\n")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func sixteenColoursUseTheBasicCodes() {
        let text = AnsiRenderer.render(Self.sample, theme: .default, depth: .sixteen)
        let e = "\u{1B}["
        #expect(
            text == "\(e)0;91mab\(e)0mc   \(e)0m\n" + "\(e)0;32m山\(e)0m \(e)0;33m!\(e)0m  \(e)0m\n")
    }

    @Test func styleIsWrittenOnlyWhereItChanges() {
        var buffer = CellBuffer(size: TerminalSize(columns: 10, rows: 1))
        buffer.put("abcdefghij", x: 0, y: 0, role: .header)
        let text = AnsiRenderer.render(buffer, theme: .default, depth: .sixteen)
        #expect(text == "\u{1B}[0;97;44mabcdefghij\u{1B}[0m\n")
    }

    @Test func everyRowEndsWithAReset() {
        let rows = AnsiRenderer.render(Self.sample, theme: .default, depth: .palette256).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
    }

    @Test func deepColoursUseTheExtendedCodes() throws {
        let okabe = try #require(Theme.builtIn(named: "okabe-ito"))
        let text = AnsiRenderer.render(Self.sample, theme: okabe, depth: .palette256)
        #expect(text.hasPrefix("\u{1B}[0;38;5;166mab"))
        var selected = CellBuffer(size: TerminalSize(columns: 2, rows: 1))
        selected.put("ok", x: 0, y: 0, role: .selected)
        let rendered = AnsiRenderer.render(selected, theme: okabe, depth: .palette256)
        #expect(rendered == "\u{1B}[0;38;5;16;48;5;74mok\u{1B}[0m\n")
    }

    @Test func monoWithoutPlainWritesAttributesOnly() {
        let text = AnsiRenderer.render(Self.sample, theme: .default, depth: .mono)
        let e = "\u{1B}["
        #expect(text == "\(e)0;1;7mab\(e)0mc   \(e)0m\n" + "山 \(e)0;4m!\(e)0m  \(e)0m\n")
    }

    @Test func sgrCodesForEveryAttributeAndRange() {
        let style = ResolvedStyle(foreground: 12, background: 3, attributes: [.bold, .dim, .underline, .reverse])
        #expect(AnsiRenderer.sgr(style) == "\u{1B}[0;1;2;4;7;94;43m")
        #expect(AnsiRenderer.sgr(ResolvedStyle(foreground: 200, background: 9)) == "\u{1B}[0;38;5;200;101m")
    }
}

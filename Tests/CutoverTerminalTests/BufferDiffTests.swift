import Testing

@testable import CutoverTerminal

@Suite struct BufferDiffTests {
    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (inout CellBuffer) -> Void
        /// Row, column and the characters of each run.
        let runs: [(row: Int, column: Int, text: String)]
        var testDescription: String { name }
    }

    static let size = TerminalSize(columns: 10, rows: 3)

    static var before: CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.put("cohort-a", x: 0, y: 0)
        buffer.put("山田 ok", x: 0, y: 1)
        return buffer
    }

    static let changes: [Change] = [
        Change(name: "nothing changed", edit: { _ in }, runs: []),
        Change(name: "one cell", edit: { $0.put("B", x: 7, y: 0) }, runs: [(0, 7, "B")]),
        Change(name: "consecutive cells merge", edit: { $0.put("XYZ", x: 2, y: 2) }, runs: [(2, 2, "XYZ")]),
        Change(
            name: "a gap splits runs",
            edit: {
                $0.put("1", x: 1, y: 2)
                $0.put("2", x: 5, y: 2)
            }, runs: [(2, 1, "1"), (2, 5, "2")]),
        Change(
            name: "rows are separate runs",
            edit: {
                $0.put("Z", x: 9, y: 0)
                $0.put("Z", x: 0, y: 2)
            }, runs: [(0, 9, "Z"), (2, 0, "Z")]),
        Change(name: "a role change alone", edit: { $0.paint(x: 0, y: 0, width: 6, role: .selected) },
               runs: [(0, 0, "cohort")]),
        Change(
            name: "a changed continuation brings its lead", edit: { $0.paint(x: 1, y: 1, width: 1, role: .critical) },
            runs: [(1, 0, "山 ")]),
        Change(
            name: "a changed lead brings its continuation", edit: { $0.paint(x: 2, y: 1, width: 1, role: .muted) },
            runs: [(1, 2, "田 ")]),
        Change(
            name: "a wide character replacing narrow ones", edit: { $0.put("木", x: 3, y: 0) },
            runs: [(0, 3, "木 ")]),
    ]

    @Test(arguments: changes)
    func changedCellsBecomeRuns(_ change: Change) {
        var after = Self.before
        change.edit(&after)
        let runs = BufferDiff.changes(from: Self.before, to: after)
        #expect(runs.map(\.row) == change.runs.map(\.row))
        #expect(runs.map(\.column) == change.runs.map(\.column))
        #expect(runs.map { String($0.cells.map(\.character)) } == change.runs.map(\.text))
        for run in runs {
            for (offset, cell) in run.cells.enumerated() { #expect(cell == after[run.column + offset, run.row]) }
        }
    }

    @Test func withoutAPreviousFrameEveryRowIsWritten() {
        let runs = BufferDiff.changes(from: nil, to: Self.before)
        #expect(runs.map(\.row) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.column == 0 && $0.cells.count == Self.size.columns })
        #expect(runs[1].cells == Array(Self.before.cells[10..<20]))
    }

    @Test func aResizeRewritesEverything() {
        var resized = CellBuffer(size: TerminalSize(columns: 12, rows: 2))
        resized.put("cohort-a", x: 0, y: 0)
        let runs = BufferDiff.changes(from: Self.before, to: resized)
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.cells.count == 12 && $0.column == 0 })
    }

    @Test func anEmptyFrameHasNoRuns() {
        #expect(BufferDiff.changes(from: nil, to: CellBuffer(size: TerminalSize(columns: 0, rows: 0))).isEmpty)
    }

    @Test func aFullFrameChangeIsOneRunPerRow() {
        let size = TerminalSize(columns: 120, rows: 40)
        var old = CellBuffer(size: size)
        var new = CellBuffer(size: size)
        for y in 0..<40 {
            old.put(String(repeating: "a", count: 120), x: 0, y: y)
            new.put(String(repeating: "b", count: 120), x: 0, y: y, role: .muted)
        }
        let runs = BufferDiff.changes(from: old, to: new)
        #expect(runs.count == 40)
        #expect(runs.reduce(0) { $0 + $1.cells.count } == 4800)
    }
}

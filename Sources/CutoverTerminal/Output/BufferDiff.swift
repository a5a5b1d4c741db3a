/// Which cells of a frame differ from the last one, so a backend writes only those (a full repaint per
/// frame costs 100+ KB/s over SSH).
public enum BufferDiff {
    /// Cells to write on one row, left to right from `column`.
    ///
    /// A run never splits a wide character: it starts at a lead cell and includes the lead's continuation,
    /// so the backend draws the lead's character and skips continuation cells.
    public struct Run: Equatable, Sendable {
        public var row: Int
        public var column: Int
        public var cells: [Cell]

        public init(row: Int, column: Int, cells: [Cell]) {
            self.row = row
            self.column = column
            self.cells = cells
        }
    }

    /// Runs of consecutive changed cells, top to bottom. With no previous frame, or one of another size,
    /// every row is one run.
    public static func changes(from old: CellBuffer?, to new: CellBuffer) -> [Run] {
        let width = new.width
        guard width > 0, new.height > 0 else { return [] }
        guard let old, old.size == new.size else {
            return (0..<new.height).map { y in
                Run(row: y, column: 0, cells: Array(new.cells[y * width..<(y + 1) * width]))
            }
        }
        var runs: [Run] = []
        old.cells.withUnsafeBufferPointer { before in
            new.cells.withUnsafeBufferPointer { after in
                for y in 0..<new.height {
                    let rowStart = y * width
                    var x = 0
                    var lastEnd = -1
                    while x < width {
                        guard !same(before[rowStart + x], after[rowStart + x]) else {
                            x += 1
                            continue
                        }
                        var start = x
                        var end = x + 1
                        while end < width, !same(before[rowStart + end], after[rowStart + end]) { end += 1 }
                        if start > 0, after[rowStart + start].isContinuation { start -= 1 }
                        if end < width, after[rowStart + end].isContinuation { end += 1 }
                        if start <= lastEnd, let previous = runs.popLast() { start = previous.column }
                        let cells = Array(after[(rowStart + start)..<(rowStart + end)])
                        runs.append(Run(row: y, column: start, cells: cells))
                        lastEnd = end
                        x = end
                    }
                }
            }
        }
        return runs
    }

    /// The cheap fields first: most unchanged cells are told apart without comparing characters.
    @inline(__always)
    private static func same(_ a: Cell, _ b: Cell) -> Bool {
        a.role == b.role && a.isContinuation == b.isContinuation && a.character == b.character
    }
}

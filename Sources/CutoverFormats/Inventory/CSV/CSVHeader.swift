/// The header row of an inventory CSV: which interchange column each field holds.
struct CSVHeader {
    /// The column of each field by position; nil for a field the inventory does not use.
    let columns: [InventoryColumn?]
    /// Header names that are not interchange columns, each once, in header order.
    let unknownNames: [String]

    /// Matches `names` to the interchange columns, ignoring case and surrounding spaces. `fail` turns a
    /// reason into the error thrown when a required column is missing or a column appears twice.
    init(names: [String], fail: (String) -> InventoryFileError) throws(InventoryFileError) {
        var columns: [InventoryColumn?] = []
        var unknownNames: [String] = []
        var seen = Set<InventoryColumn>()
        for name in names {
            var trimmed = Substring(name)
            while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            let column = Array(trimmed.utf8).withUnsafeBufferPointer(InventoryColumn.named)
            if let column {
                guard seen.insert(column).inserted else { throw fail("the header has column \(column.name) twice") }
            } else if !trimmed.isEmpty && !unknownNames.contains(String(trimmed)) {
                unknownNames.append(String(trimmed))
            }
            columns.append(column)
        }
        let missing = InventoryColumn.required.filter { !seen.contains($0) }.map(\.name)
        switch missing.count {
        case 0: break
        case 1: throw fail("the header is missing the required column \(missing[0])")
        default:
            let list = missing.dropLast().joined(separator: ", ") + " and " + missing[missing.count - 1]
            throw fail("the header is missing the required columns \(list)")
        }
        self.columns = columns
        self.unknownNames = unknownNames
    }
}

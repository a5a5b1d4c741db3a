import Foundation

/// What a dashboard page asks for: a filter, a sort and how many rows to show.
///
/// `filter` is a case-insensitive substring matched against the page's text columns (an empty filter matches
/// everything). `sort` names one of the page's sort keys, documented on each page query; nil or an unknown key
/// gives the page's default order.
public struct PageRequest: Equatable, Sendable {
    public var filter: String
    public var sort: String?
    public var descending: Bool
    public var limit: Int

    public init(filter: String = "", sort: String? = nil, descending: Bool = false, limit: Int = 500) {
        self.filter = filter
        self.sort = sort
        self.descending = descending
        self.limit = limit
    }
}

/// The rows a page shows and how many match its filter (`total` may exceed `rows.count`).
public struct PageSlice<Row: Equatable & Sendable>: Equatable, Sendable {
    public var rows: [Row]
    public var total: Int

    public init(rows: [Row], total: Int) {
        self.rows = rows
        self.total = total
    }
}

extension PageRequest {
    /// The filter lowercased and trimmed; nil when it filters nothing.
    var needle: String? {
        let trimmed = filter.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether any of `columns` contains the filter (case-insensitive); true without a filter.
    func matches(_ columns: String?...) -> Bool {
        guard let needle else { return true }
        return columns.contains { $0?.lowercased().contains(needle) == true }
    }

    /// A `LIKE` pattern for the filter (`%` and `_` taken literally with `ESCAPE '\'`); SQLite's LIKE is
    /// case-insensitive for ASCII, which is what ids, codes and statuses are.
    var likePattern: String? {
        guard let needle else { return nil }
        var escaped = ""
        for character in needle {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// The row limit, never negative.
    var boundedLimit: Int { max(0, limit) }
}

extension Array {
    /// Sorts by a key with nils last whichever the direction, then by `tiebreak` (always ascending).
    func sortedNilsLast<Key: Comparable>(
        by key: (Element) -> Key?, descending: Bool, tiebreak: (Element, Element) -> Bool
    ) -> [Element] {
        sorted { a, b in
            switch (key(a), key(b)) {
            case (let x?, let y?): x == y ? tiebreak(a, b) : (descending ? x > y : x < y)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): tiebreak(a, b)
            }
        }
    }
}

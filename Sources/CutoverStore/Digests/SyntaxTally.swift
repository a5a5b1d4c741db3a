/// Counts inventory instances by cohort and syntax in one pass over the rows, looking each row's values up in
/// a hash table. SQLite's `GROUP BY` sorts every row before it counts: for a million rows that sort was most of
/// the digests' time, while the rows fall into a few dozen groups.
struct SyntaxTally {
    struct Group {
        var cohort: Int64
        var transferSyntax: String?
        var sopClass: String?
        var stored: String?
        var known: Bool
        var instances = 1
    }

    /// A row's values as encoded by `encode`, hashed in one call: `[UInt8]`'s own hashing feeds the hasher one
    /// byte at a time, which cost more than the rest of the pass.
    private struct Key: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private var groups: [Group] = []
    /// Each group's index by its key.
    private var index: [Key: Int] = [:]
    private var scratch: [UInt8] = []

    /// Counts the rows of `statement`, whose columns are cohort, transfer syntax, SOP class, stored syntax
    /// (text or NULL) and known (0 or 1).
    mutating func count(_ statement: RawStatement) throws {
        while try statement.step() {
            encode(statement)
            if let group = index[Key(bytes: scratch)] {
                groups[group].instances += 1
                continue
            }
            groups.append(
                Group(
                    cohort: statement.int64(0) ?? 0, transferSyntax: statement.text(1), sopClass: statement.text(2),
                    stored: statement.text(3), known: statement.int64(4) == 1))
            index[Key(bytes: scratch)] = groups.count - 1
        }
    }

    /// The groups in the order of `GROUP BY` on the same columns: NULL first, text by its bytes.
    var sortedGroups: [Group] {
        func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
        func precedes(_ a: [UInt8]?, _ b: [UInt8]?) -> Bool? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a == b ? nil : a.lexicographicallyPrecedes(b)
            }
        }
        return groups.sorted { a, b in
            if a.cohort != b.cohort { return a.cohort < b.cohort }
            for (x, y) in [(a.transferSyntax, b.transferSyntax), (a.sopClass, b.sopClass), (a.stored, b.stored)] {
                if let order = precedes(bytes(x), bytes(y)) { return order }
            }
            return !a.known && b.known
        }
    }

    /// The row's values as bytes, each with a type tag and text with its length, so no two rows that differ
    /// encode alike.
    private mutating func encode(_ statement: RawStatement) {
        scratch.removeAll(keepingCapacity: true)
        for column: Int32 in [0, 4] {
            if let value = statement.int64(column) {
                scratch.append(1)
                withUnsafeBytes(of: value.littleEndian) { scratch.append(contentsOf: $0) }
            } else {
                scratch.append(0)
            }
        }
        for column: Int32 in 1...3 {
            if let text = statement.bytes(column) {
                scratch.append(2)
                withUnsafeBytes(of: UInt32(text.count).littleEndian) { scratch.append(contentsOf: $0) }
                scratch.append(contentsOf: text)
            } else {
                scratch.append(0)
            }
        }
    }
}

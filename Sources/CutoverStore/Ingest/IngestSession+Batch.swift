import CutoverCore

/// Result lines without details (nearly all of them) are queued and written `PendingKeys.capacity` at a
/// time by one multi-row `INSERT OR IGNORE`: SQLite's cost per statement is paid once per batch instead of
/// once per line. `OR IGNORE` (not `ON CONFLICT DO NOTHING`) also lets SQLite skip its statement journal.
///
/// A key that already had a result is not inserted; those rows are found afterwards by their `seq` (unique
/// per line) and settled one by one, in line order. That gives the same outcome as writing every line on its
/// own: within a batch only a key's first new occurrence can be inserted, and it comes before its others.
struct PendingKeys {
    static let capacity = 64

    private(set) var keys: [UInt8] = []
    private(set) var keyEnds: [Int] = []
    private(set) var results: [StoredResult] = []

    init() {
        keys.reserveCapacity(Self.capacity * 128)
        keyEnds.reserveCapacity(Self.capacity)
        results.reserveCapacity(Self.capacity)
    }

    var isEmpty: Bool { results.isEmpty }
    var isFull: Bool { results.count == Self.capacity }

    mutating func append(key: UnsafeRawBufferPointer, result: StoredResult) {
        keys.append(contentsOf: key)
        keyEnds.append(keys.count)
        results.append(result)
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        results.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each queued key's bytes and result, in line order, then `then` while the key bytes
    /// are still valid (for a statement that bound them without a copy).
    func forEach(
        _ body: (Int, UnsafeRawBufferPointer, StoredResult) throws -> Void, then: () throws -> Void = {}
    ) rethrows {
        try keys.withUnsafeBytes { all in
            var start = 0
            for (index, end) in keyEnds.enumerated() {
                try body(index, UnsafeRawBufferPointer(rebasing: all[start..<end]), results[index])
                start = end
            }
            try then()
        }
    }
}

extension IngestSession {
    /// The multi-row insert of `PendingKeys.capacity` rows, with the column order of `StoredResult.bind`.
    static var insertKeysSQL: String {
        let row = "(" + Array(repeating: "?", count: 11).joined(separator: ",") + ")"
        return """
            INSERT OR IGNORE INTO input_keys (key, seq, job, sort_at, outcome, image_set, is_primary,
                                              image_set_version, detail, file, line)
            VALUES \(Array(repeating: row, count: PendingKeys.capacity).joined(separator: ","))
            """
    }

    /// Writes the queued results. Call before anything reads `input_keys` or writes a single result.
    func flushPendingKeys() throws {
        guard !pendingKeys.isEmpty else { return }
        defer { pendingKeys.removeAll() }
        guard pendingKeys.isFull else {
            try pendingKeys.forEach { _, key, result in try place(key: key, result: result, warnings: []) }
            return
        }
        try pendingKeys.forEach(
            { row, key, result in
                let offset = Int32(row) * 11
                insertKeys.bind(offset + 1, text: key)
                result.bind(to: insertKeys, offset: offset)
            },
            then: { try insertKeys.step() })
        insertKeys.reset()
        if insertKeys.changes == Int32(PendingKeys.capacity) {
            for result in pendingKeys.results { countCurrent(outcome: Int(result.outcome), warnings: []) }
            return
        }
        try pendingKeys.forEach { _, key, result in
            let current = try currentResult(of: key)!
            if current.seq == result.seq {
                countCurrent(outcome: Int(result.outcome), warnings: [])
            } else {
                try settle(key: key, result: result, warnings: [], against: current)
            }
        }
    }
}

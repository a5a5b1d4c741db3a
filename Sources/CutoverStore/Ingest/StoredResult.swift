import CutoverCore

/// One result as stored: the current one in `input_keys`, any other in `result_history`.
/// Both tables share the parameter order of `bind(to:)` (the key is ?1), so results move between them
/// through the same binding.
struct StoredResult {
    var seq: Int64
    var job: Int64
    var sortAt: Double
    var outcome: Int64
    var imageSet: Int64?
    var isPrimary: Bool?
    var imageSetVersion: Int64?
    var detail: Int64?
    var file: Int64
    var line: Int64

    /// Binds parameters ?2…?11, or the same ten shifted by `offset` (a row of a multi-row insert).
    func bind(to statement: RawStatement, offset: Int32 = 0) {
        statement.bind(offset + 2, seq)
        statement.bind(offset + 3, job)
        statement.bind(offset + 4, sortAt)
        statement.bind(offset + 5, outcome)
        statement.bind(offset + 6, imageSet)
        statement.bind(offset + 7, isPrimary)
        statement.bind(offset + 8, imageSetVersion)
        statement.bind(offset + 9, detail)
        statement.bind(offset + 10, file)
        statement.bind(offset + 11, line)
    }

    /// Reads columns `first…first+9` in the same order.
    init(_ statement: RawStatement, from first: Int32) {
        seq = statement.int64(first)!
        job = statement.int64(first + 1)!
        sortAt = statement.double(first + 2)!
        outcome = statement.int64(first + 3)!
        imageSet = statement.int64(first + 4)
        isPrimary = statement.int64(first + 5).map { $0 != 0 }
        imageSetVersion = statement.int64(first + 6)
        detail = statement.int64(first + 7)
        file = statement.int64(first + 8)!
        line = statement.int64(first + 9)!
    }

    init(
        seq: Int64, job: Int64, sortAt: Double, outcome: Int64, imageSet: Int64?, isPrimary: Bool?,
        imageSetVersion: Int64?, detail: Int64?, file: Int64, line: Int64
    ) {
        self.seq = seq
        self.job = job
        self.sortAt = sortAt
        self.outcome = outcome
        self.imageSet = imageSet
        self.isPrimary = isPrimary
        self.imageSetVersion = imageSetVersion
        self.detail = detail
        self.file = file
        self.line = line
    }

    /// The newer of two results for one key: the newer job, and on equal job times the later line.
    func supersedes(_ other: StoredResult) -> Bool {
        (sortAt, seq) > (other.sortAt, other.seq)
    }
}

import CutoverCore
import CutoverFormats
import GRDB

extension IngestSession {
    /// `cutover retry` copies keys under `retry/<batch>/`; their results count for the original key.
    static func originalKey(_ key: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let prefix = Array("retry/".utf8)
        guard key.count > prefix.count + 1, key.starts(with: prefix),
            let slash = key[prefix.count...].firstIndex(of: UInt8(ascii: "/")), slash + 1 < key.count
        else { return key }
        return UnsafeRawBufferPointer(rebasing: key[(slash + 1)...])
    }

    /// Adds a result line found by the fast scanner; `line` holds the bytes the spans point into.
    public func addResult(
        line bytes: UnsafeRawBufferPointer, scanned: ScannedResult, outcome: Outcome, job: JobHandle, file: Int64,
        line: Int
    ) throws {
        let key = Self.originalKey(
            UnsafeRawBufferPointer(rebasing: bytes[scanned.inputFile.start..<scanned.inputFile.end]))
        let imageSet = scanned.imageSetId.map { UnsafeRawBufferPointer(rebasing: bytes[$0.start..<$0.end]) }
        try record(
            key: key, outcome: outcome, imageSet: imageSet, isPrimary: scanned.isPrimary,
            version: scanned.imageSetVersion, exceptionType: nil, message: nil, warnings: [], job: job, file: file,
            line: line)
    }

    /// Adds a fully decoded result line (warnings, failures, and anything the fast scanner declined).
    public func addResult(_ result: ResultLine, job: JobHandle, file: Int64, line: Int) throws {
        var key = result.inputFile
        var imageSet = result.imageSetId ?? ""
        try key.withUTF8 { keyBytes in
            try imageSet.withUTF8 { setBytes in
                try record(
                    key: Self.originalKey(UnsafeRawBufferPointer(keyBytes)), outcome: result.outcome,
                    imageSet: result.imageSetId == nil ? nil : UnsafeRawBufferPointer(setBytes),
                    isPrimary: result.isPrimary, version: result.imageSetVersion, exceptionType: result.exceptionType,
                    message: result.message, warnings: result.warnings, job: job, file: file, line: line)
            }
        }
    }

    /// One result line. It becomes its key's current result when its job is the newest seen for the key
    /// (the replaced one moves to history); otherwise it goes to history directly.
    private func record(
        key: UnsafeRawBufferPointer, outcome: Outcome, imageSet: UnsafeRawBufferPointer?, isPrimary: Bool?,
        version: Int?, exceptionType: String?, message: String?, warnings: [ImportWarning], job: JobHandle,
        file: Int64, line: Int
    ) throws {
        let imageSetRow = try imageSet.map { try internImageSet($0, isPrimary: isPrimary, version: version, job: job) }
        var detail: Int64?
        if exceptionType != nil || message != nil || !warnings.isEmpty {
            detail = try addDetail(exceptionType: exceptionType, message: message, warnings: warnings)
        }
        let result = StoredResult(
            seq: nextSeq, job: job.row, sortAt: job.sortAt, outcome: Int64(outcome.code), imageSet: imageSetRow,
            isPrimary: isPrimary, imageSetVersion: version.map(Int64.init), detail: detail, file: file,
            line: Int64(line))
        nextSeq += 1

        if detail == nil {
            // Nearly every line: queued and written with others in one statement (IngestSession+Batch).
            pendingKeys.append(key: key, result: result)
            if pendingKeys.isFull { try flushPendingKeys() }
        } else {
            try flushPendingKeys()
            try place(key: key, result: result, warnings: warnings)
        }

        stats.results[outcome.code] += 1
        if currentJobLines?.job != job.row {
            flushJobLines()
            currentJobLines = (job.row, [0, 0, 0])
        }
        currentJobLines!.lines[outcome.code] += 1
    }

    /// Writes one result: the key's first, or settled against the key's current one.
    func place(key: UnsafeRawBufferPointer, result: StoredResult, warnings: [ImportWarning]) throws {
        insertKey.bind(1, text: key)
        result.bind(to: insertKey)
        try insertKey.step()
        insertKey.reset()
        if insertKey.changes == 1 {
            countCurrent(outcome: Int(result.outcome), warnings: warnings)
        } else {
            try settle(key: key, result: result, warnings: warnings, against: currentResult(of: key)!)
        }
    }

    /// The key's current result, if it has one.
    func currentResult(of key: UnsafeRawBufferPointer) throws -> StoredResult? {
        findKey.bind(1, text: key)
        defer { findKey.reset() }
        return try findKey.step() ? StoredResult(findKey, from: 0) : nil
    }

    /// A result for a key that already has one: the newer becomes current, the other goes to history.
    func settle(key: UnsafeRawBufferPointer, result: StoredResult, warnings: [ImportWarning], against current: StoredResult)
        throws
    {
        // Either way the key's story changed for the other job too: its findings are derived again.
        touchedJobs.insert(current.job)
        if result.supersedes(current) {
            try write(current, to: insertHistory, key: key)
            try write(result, to: replaceCurrent, key: key)
            try retractCurrent(current)
            countCurrent(outcome: Int(result.outcome), warnings: warnings)
        } else {
            try write(result, to: insertHistory, key: key)
        }
    }

    private func write(_ result: StoredResult, to statement: RawStatement, key: UnsafeRawBufferPointer) throws {
        statement.bind(1, text: key)
        result.bind(to: statement)
        try statement.step()
        statement.reset()
    }

    private func addDetail(exceptionType: String?, message: String?, warnings: [ImportWarning]) throws -> Int64 {
        insertDetail.bind(1, exceptionType)
        insertDetail.bind(2, message)
        try insertDetail.step()
        insertDetail.reset()
        let detail = insertDetail.lastInsertRowID
        for warning in warnings {
            insertWarning.bind(1, detail)
            insertWarning.bind(2, warning.code)
            insertWarning.bind(3, warning.type)
            insertWarning.bind(4, warning.message)
            try insertWarning.step()
            insertWarning.reset()
        }
        return detail
    }

    func flushJobLines() {
        guard let (job, lines) = currentJobLines else { return }
        touchedJobs.insert(job)
        for code in 0..<3 { jobLineDeltas[job, default: [0, 0, 0]][code] += lines[code] }
        currentJobLines = nil
    }

    func countCurrent(outcome: Int, warnings: [ImportWarning]) {
        currentDeltas[outcome] += 1
        for warning in warnings {
            counterDeltas[Reconciler.codeCounter(warning.code), default: 0] += 1
        }
    }

    /// Takes a replaced current result out of the counters (a retry replaced it).
    private func retractCurrent(_ result: StoredResult) throws {
        currentDeltas[Int(result.outcome)] -= 1
        guard let detail = result.detail else { return }
        let codes = try Int?.fetchAll(
            db.cachedStatement(sql: "SELECT code FROM result_warnings WHERE detail = ?"), arguments: [detail])
        for code in codes {
            counterDeltas[Reconciler.codeCounter(code), default: 0] -= 1
        }
    }
}

extension ByteSpan {
    var end: Int { start + count }
}

import CutoverCore
import CutoverFormats
import GRDB

extension IngestSession {
    /// Adds a result line found by the fast scanner; `line` holds the bytes the spans point into.
    public func addResult(
        line bytes: UnsafeRawBufferPointer, scanned: ScannedResult, outcome: Outcome, job: JobHandle, file: Int64,
        line: Int
    ) throws {
        let key = UnsafeRawBufferPointer(rebasing: bytes[scanned.inputFile.start..<scanned.inputFile.end])
        let imageSet = scanned.imageSetId.map { UnsafeRawBufferPointer(rebasing: bytes[$0.start..<$0.end]) }
        try record(
            key: key, outcome: outcome, imageSet: imageSet, isPrimary: scanned.isPrimary,
            version: scanned.imageSetVersion, exceptionType: nil, message: nil, warnings: [], job: job, file: file,
            line: line)
    }

    /// Adds a fully decoded result line (warnings, failures, and anything the fast scanner declined).
    public func addResult(_ result: ResultLine, job: JobHandle, file: Int64, line: Int) throws {
        var key = result.inputFile
        var imageSet = result.imageSetId
        try key.withUTF8 { keyBytes in
            if imageSet != nil {
                try imageSet!.withUTF8 { setBytes in
                    try record(
                        key: UnsafeRawBufferPointer(keyBytes), outcome: result.outcome,
                        imageSet: UnsafeRawBufferPointer(setBytes), isPrimary: result.isPrimary,
                        version: result.imageSetVersion, exceptionType: result.exceptionType, message: result.message,
                        warnings: result.warnings, job: job, file: file, line: line)
                }
            } else {
                try record(
                    key: UnsafeRawBufferPointer(keyBytes), outcome: result.outcome, imageSet: nil,
                    isPrimary: result.isPrimary, version: result.imageSetVersion, exceptionType: result.exceptionType,
                    message: result.message, warnings: result.warnings, job: job, file: file, line: line)
            }
        }
    }

    /// One result into history, and into the current outcome of its key when its job is the newest.
    private func record(
        key: UnsafeRawBufferPointer, outcome: Outcome, imageSet: UnsafeRawBufferPointer?, isPrimary: Bool?,
        version: Int?, exceptionType: String?, message: String?, warnings: [ImportWarning], job: JobHandle,
        file: Int64, line: Int
    ) throws {
        let imageSetRow = try imageSet.map { try internImageSet($0, isPrimary: isPrimary, version: version, job: job) }
        let resultID = nextResultID
        nextResultID += 1

        findKey.bind(1, text: key)
        let keyID: Int64
        if try findKey.step() {
            keyID = findKey.int64(0)!
            let previousResult = findKey.int64(1)
            let previousOutcome = findKey.int64(2).flatMap { Outcome(code: Int($0)) }
            let previousSortAt = findKey.double(3) ?? -.infinity
            findKey.reset()
            if job.sortAt >= previousSortAt {
                updateKeyCurrent.bind(1, resultID)
                updateKeyCurrent.bind(2, Int64(outcome.code))
                updateKeyCurrent.bind(3, job.sortAt)
                updateKeyCurrent.bind(4, keyID)
                try updateKeyCurrent.step()
                updateKeyCurrent.reset()
                if let previousOutcome, let previousResult {
                    try retractCurrent(outcome: previousOutcome, result: previousResult)
                }
                countCurrent(outcome: outcome, warnings: warnings)
            }
        } else {
            findKey.reset()
            insertKey.bind(1, text: key)
            insertKey.bind(2, resultID)
            insertKey.bind(3, Int64(outcome.code))
            insertKey.bind(4, job.sortAt)
            try insertKey.step()
            insertKey.reset()
            keyID = insertKey.lastInsertRowID
            countCurrent(outcome: outcome, warnings: warnings)
        }

        insertResult.bind(1, resultID)
        insertResult.bind(2, keyID)
        insertResult.bind(3, job.row)
        insertResult.bind(4, Int64(outcome.code))
        insertResult.bind(5, imageSetRow)
        insertResult.bind(6, isPrimary)
        insertResult.bind(7, version)
        insertResult.bind(8, exceptionType)
        insertResult.bind(9, message)
        insertResult.bind(10, file)
        insertResult.bind(11, Int64(line))
        try insertResult.step()
        insertResult.reset()

        for warning in warnings {
            insertWarning.bind(1, resultID)
            insertWarning.bind(2, warning.code)
            insertWarning.bind(3, warning.type)
            insertWarning.bind(4, warning.message)
            try insertWarning.step()
            insertWarning.reset()
        }

        stats.results[outcome.code] += 1
        jobLineDeltas[job.row, default: [0, 0, 0]][outcome.code] += 1
    }

    private func countCurrent(outcome: Outcome, warnings: [ImportWarning]) {
        counterDeltas[Reconciler.currentCounter(outcome), default: 0] += 1
        for warning in warnings {
            counterDeltas[Reconciler.codeCounter(warning.code), default: 0] += 1
        }
    }

    /// Takes a superseded current result out of the counters (a retry replaced it).
    private func retractCurrent(outcome: Outcome, result: Int64) throws {
        counterDeltas[Reconciler.currentCounter(outcome), default: 0] -= 1
        guard outcome == .warning else { return }
        for code in try Int?.fetchAll(db, sql: "SELECT code FROM result_warnings WHERE result = ?", arguments: [result]) {
            counterDeltas[Reconciler.codeCounter(code), default: 0] -= 1
        }
    }
}

extension ByteSpan {
    var end: Int { start + count }
}

import CutoverCore
import CutoverFormats
import CutoverStore

extension FolderIngestor {
    /// `success.ndjson`, `warning.ndjson`, `failure.ndjson`: only new complete lines, from the cursor on.
    func ingestResults(_ file: SourceFile, job folder: JobFolderName, outcome: Outcome, in batch: inout Batch) throws
        -> Bool
    {
        let session = batch.session
        var cursor = try session.cursor(path: file.path) ?? FileCursor(path: file.path, kind: outcome.rawValue)
        if file.size < cursor.offset {
            // The file was rewritten, not appended to: forget what it said and read it again.
            try session.discardResults(ofFile: cursor)
            cursor.offset = 0
            cursor.line = 0
        }
        let fileID = try session.save(cursor)
        let job = try session.job(jobId: folder.jobId, datastoreId: folder.datastoreId)
        var quarantined: [IngestReport.Quarantined] = []
        let path = file.path

        // Lines are read and parsed on a second thread while this one writes them (ParsedLineStream).
        let stream = ParsedLineStream(
            path: path, offset: cursor.offset, line: cursor.line, maxLines: batch.budget, outcome: outcome)
        defer { stream.cancel() }
        while let chunk = try stream.next() {
            try chunk.bytes.withUnsafeBytes { all in
                for parsed in chunk.lines {
                    let bytes = UnsafeRawBufferPointer(rebasing: all[parsed.start..<parsed.start + parsed.count])
                    switch parsed.parse {
                    case .blank:
                        break
                    case .scanned(let scanned):
                        try session.addResult(
                            line: bytes, scanned: scanned, outcome: outcome, job: job, file: fileID, line: parsed.line)
                    case .decoded(let result):
                        try session.addResult(result, job: job, file: fileID, line: parsed.line)
                    case .rejected(let reason):
                        try session.quarantine(
                            path: path, line: parsed.line, offset: parsed.offset, reason: reason,
                            excerpt: Array(bytes.prefix(64)))
                        quarantined.append(.init(path: path, line: parsed.line, reason: reason))
                    }
                }
            }
        }
        let end = stream.finish
        let consumed = end.consumed
        batch.quarantined += quarantined
        batch.linesFromCurrentFile += consumed
        batch.budget -= consumed
        cursor.id = fileID
        cursor.offset = end.offset
        cursor.line = end.line
        let done = batch.budget > 0
        if done {
            // Only a file read to its end takes the new size and mtime; otherwise the next batch goes on.
            cursor.size = file.size
            cursor.mtimeNanoseconds = file.mtimeNanoseconds
        }
        try session.save(cursor)
        return done
    }
}

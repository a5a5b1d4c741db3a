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
        var reader = LineChunkReader(path: file.path, offset: cursor.offset, line: cursor.line)
        var quarantined: [IngestReport.Quarantined] = []
        let path = file.path

        func ingestLine(_ bytes: UnsafeRawBufferPointer, line: Int, offset: Int64) throws {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            if let scanned = ResultLineScanner.scan(bytes) {
                try session.addResult(line: bytes, scanned: scanned, outcome: outcome, job: job, file: fileID, line: line)
                return
            }
            do {
                let value = try LenientJSONParser.parseDocument(bytes)
                let result = try ResultLineDecoder.decode(value, outcome: outcome)
                try session.addResult(result, job: job, file: fileID, line: line)
            } catch let error as JSONParseError {
                try reject(bytes, line: line, offset: offset, reason: "not valid JSON (\(error.reason))")
            } catch let error as FormatError {
                try reject(bytes, line: line, offset: offset, reason: error.reason)
            }
        }

        func reject(_ bytes: UnsafeRawBufferPointer, line: Int, offset: Int64, reason: String) throws {
            try session.quarantine(path: path, line: line, offset: offset, reason: reason, excerpt: Array(bytes.prefix(64)))
            quarantined.append(.init(path: path, line: line, reason: reason))
        }

        let consumed = try reader.read(
            maxLines: batch.budget,
            { bytes, line, offset in try ingestLine(bytes, line: line, offset: offset) },
            tail: { bytes, line, offset in
                // An unterminated last line counts only when it is a whole JSON object; half of one is a
                // line still being written and waits for the next poll.
                do {
                    _ = try LenientJSONParser.parseDocument(bytes)
                } catch let error as JSONParseError where error.isTruncated {
                    return false
                } catch {}
                try ingestLine(bytes, line: line, offset: offset)
                return true
            })
        batch.quarantined += quarantined
        batch.linesFromCurrentFile += consumed
        batch.budget -= consumed
        cursor.id = fileID
        cursor.offset = reader.offset
        cursor.line = reader.line
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

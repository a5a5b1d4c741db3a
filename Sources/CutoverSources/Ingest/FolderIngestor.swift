import CutoverCore
import CutoverFormats
import CutoverStore

/// Ingests job output folders, API responses and event files from local paths into the store:
/// incremental (per-file size, mtime, byte offset), idempotent and transactional (rows and cursors commit
/// together, in batches of `batchLines` lines).
public final class FolderIngestor {
    let database: CutoverDatabase
    let batchLines: Int

    public init(database: CutoverDatabase, batchLines: Int = 50_000) {
        self.database = database
        self.batchLines = batchLines
    }

    /// One pass over `paths`. `now` gives epoch seconds (injected so tests control time). `shouldStop` is
    /// asked before each batch: once it says yes, the files not yet read are left for the next pass.
    public func ingest(
        paths: [String], source: String = "local", now: () -> Double, shouldStop: () -> Bool = { false }
    ) throws -> IngestReport {
        let started = now()
        var report = IngestReport()
        let (files, problems) = FolderScanner.scan(paths)
        report.problems = problems
        let cursors = try database.fileCursors()
        var pending = files.filter { file in
            guard let cursor = cursors[file.path] else { return true }
            return cursor.size != file.size || cursor.mtimeNanoseconds != file.mtimeNanoseconds
        }
        report.filesUnchanged = files.count - pending.count
        report.filesRead = pending.count

        var index = 0
        while index < pending.count {
            if shouldStop() {
                report.filesLeft = pending.count - index
                break
            }
            do {
                try database.ingest { session in
                    var batch = Batch(session: session, budget: batchLines)
                    while index < pending.count, batch.budget > 0 {
                        let file = pending[index]
                        do {
                            if try process(file, in: &batch) { index += 1 }
                        } catch let error as FileReadError where batch.linesFromCurrentFile == 0 {
                            report.problems.append(error)
                            index += 1
                        }
                    }
                    report.stats.add(session.statistics)
                    report.eventsIgnored += batch.eventsIgnored
                    report.quarantined += batch.quarantined
                }
            } catch let error as FileReadError {
                // A read failed after lines of that file were added: the batch rolled back; drop the file.
                report.problems.append(error)
                pending.removeAll { $0.path == error.path }
            }
        }
        var notes = report.problems.map(\.description)
        if report.filesLeft > 0 {
            notes.append("stopped with \(report.filesLeft) changed files left for the next pass")
        }
        let problemText = notes.isEmpty ? nil : notes.joined(separator: "; ")
        try database.ingest { session in
            try session.recordPoll(
                source: source, startedAt: started, finishedAt: now(), ok: report.problems.isEmpty,
                message: problemText, newRows: report.stats.newRows)
        }
        return report
    }

    /// Processes as much of one file as the batch allows; true when the file is done for this pass.
    func process(_ file: SourceFile, in batch: inout Batch) throws -> Bool {
        batch.linesFromCurrentFile = 0
        switch file.role {
        case .results(let job, let outcome):
            return try ingestResults(file, job: job, outcome: outcome, in: &batch)
        case .manifest:
            try ingestManifest(file, in: &batch)
            return true
        case .document:
            try ingestDocument(file, in: &batch)
            return true
        }
    }
}

/// The state of one transaction's worth of work.
struct Batch {
    let session: IngestSession
    var budget: Int
    var linesFromCurrentFile = 0
    var eventsIgnored = 0
    var quarantined: [IngestReport.Quarantined] = []

    init(session: IngestSession, budget: Int) {
        self.session = session
        self.budget = budget
    }

    mutating func quarantine(path: String, line: Int, offset: Int64, reason: String, excerpt: [UInt8]) throws {
        try session.quarantine(path: path, line: line, offset: offset, reason: reason, excerpt: excerpt)
        quarantined.append(.init(path: path, line: line, reason: reason))
    }
}

import Foundation

/// Writes a plan into a folder laid out like the S3 buckets and API responses `cutover` reads.
///
/// The content of every file at time `t` is a function of the plan and `t` only. `advance(to:)` compares
/// what is on disk with what should be there and writes the difference, so a new writer over the same folder
/// (after a restart of the CLI) carries on where the previous one stopped.
public struct DemoWriter {
    let plan: DemoPlan
    let folder: DemoFolder

    public init(plan: DemoPlan, directory: URL) {
        self.plan = plan
        self.folder = DemoFolder(root: directory)
    }

    /// Writes cutover.toml and the inventory CSV (once; they do not change over time).
    public func writeStatic() throws {
        try folder.ensureDirectory("")
        try folder.replaceIfChanged("cutover.toml", Array(configText().utf8))
        try writeInventory()
        folder.removeScratch()
    }

    /// Brings every file up to simulated time `t`: jobs submitted by then appear in the job list files,
    /// lines of running jobs are appended, manifests appear when a job finishes, events are written.
    /// Monotonic: calling with a later t only appends/adds; calling twice with the same t changes nothing.
    /// Appends whole lines only (each write ends with "\n"), so a reader never sees a torn line except mid-write.
    @discardableResult
    public func advance(to t: Double) throws -> DemoProgress {
        let ms = Int64((t * 1000).rounded(.down))
        try folder.ensureDirectory("jobs")
        try folder.ensureDirectory("api/jobs")
        let lines = try advanceResults(atMs: ms)
        try advanceAPI(atMs: ms)
        try advanceEvents(atMs: ms)
        folder.removeScratch()
        return progress(atMs: ms, resultLines: lines)
    }

    private func progress(atMs ms: Int64, resultLines: Int) -> DemoProgress {
        var submitted = 0
        var finished = 0
        for job in plan.jobs {
            guard let status = job.status(atMs: ms) else { continue }
            submitted += 1
            if status.isTerminal { finished += 1 }
        }
        let seen = plan.deliveries.firstSeenMs.prefix { $0 <= ms }.count
        return DemoProgress(
            jobsSubmitted: submitted, jobsRunning: submitted - finished, jobsFinished: finished,
            resultLinesWritten: resultLines, eventsWritten: seen, finished: ms >= plan.endMs)
    }
}

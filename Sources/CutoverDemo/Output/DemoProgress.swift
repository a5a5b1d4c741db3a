/// Where the migration stands at the time `advance(to:)` was called. Totals, not increments: the same `t`
/// always gives the same progress.
public struct DemoProgress: Sendable, Equatable {
    public var jobsSubmitted: Int
    /// Submitted and not finished yet (queued or in progress).
    public var jobsRunning: Int
    public var jobsFinished: Int
    /// Lines in all success, warning and failure files.
    public var resultLinesWritten: Int
    /// Distinct events delivered in at least one layout.
    public var eventsWritten: Int
    /// `t` has reached `endEpoch`: nothing will change any more.
    public var finished: Bool

    public init(
        jobsSubmitted: Int, jobsRunning: Int, jobsFinished: Int, resultLinesWritten: Int, eventsWritten: Int,
        finished: Bool
    ) {
        self.jobsSubmitted = jobsSubmitted
        self.jobsRunning = jobsRunning
        self.jobsFinished = jobsFinished
        self.resultLinesWritten = resultLinesWritten
        self.eventsWritten = eventsWritten
        self.finished = finished
    }
}

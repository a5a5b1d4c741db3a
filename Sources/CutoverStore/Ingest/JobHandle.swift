/// A job as the result writer needs it: its row and its place in time.
public struct JobHandle: Equatable, Sendable {
    public var row: Int64
    /// `submitted_at` when known; results of the job with the greatest value are current.
    public var sortAt: Double
}

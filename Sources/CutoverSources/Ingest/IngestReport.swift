import CutoverFormats
import CutoverStore

/// What one `ingest` or poll did, for the summary line and for scripts.
public struct IngestReport: Sendable {
    public struct Quarantined: Equatable, Sendable {
        public var path: String
        public var line: Int
        public var reason: String
    }

    public var stats = IngestStats()
    public var filesRead = 0
    public var filesUnchanged = 0
    /// Events from another `source` than `aws.medical-imaging`.
    public var eventsIgnored = 0
    public var quarantined: [Quarantined] = []
    /// Files or folders that could not be read: the rest was ingested.
    public var problems: [FileReadError] = []
    /// Changed files left for the next pass because it was asked to stop (their cursors say where to go on).
    public var filesLeft = 0

    public init() {}
}

/// The header line's facts: which migration, where, who is looking, and how fresh the data is.
public struct HeaderInfo: Equatable, Sendable {
    public var migration: String
    public var datastores: [String]
    public var region: String?
    public var actor: String
    public var host: String
    /// Epoch seconds of the last finished poll (any process).
    public var lastPoll: Double?
    /// The poll interval from the configuration; staleness is two missed intervals.
    public var pollInterval: Double
    /// The poller's last error, shown in place of the age.
    public var pollError: String?
    /// Who runs the poller (this process, another `cutover poll`, or nobody).
    public var poller: String?
    /// Retries the last poll round needed (throttling, server errors, dropped connections).
    public var pollRetries = 0
    /// What happened to the database file itself (replaced while the dashboard ran), shown above the footer.
    public var notice: String?
    public var quarantined: Int64

    public init(
        migration: String, datastores: [String] = [], region: String? = nil, actor: String, host: String,
        lastPoll: Double? = nil, pollInterval: Double = 30, pollError: String? = nil, poller: String? = nil,
        quarantined: Int64 = 0
    ) {
        self.migration = migration
        self.datastores = datastores
        self.region = region
        self.actor = actor
        self.host = host
        self.lastPoll = lastPoll
        self.pollInterval = pollInterval
        self.pollError = pollError
        self.poller = poller
        self.quarantined = quarantined
    }

    /// Polls are late when two intervals passed without one.
    public func isStale(now: Double) -> Bool {
        guard let lastPoll else { return true }
        return now - lastPoll > 2 * pollInterval
    }
}

import GRDB

/// One EventBridge event on the Events page.
public struct EventRow: Equatable, Sendable {
    /// Ingestion order: newer events have larger numbers.
    public var seq: Int64
    /// The event's `time` in epoch seconds, when it parsed.
    public var epoch: Double?
    /// The event's `time` as sent.
    public var time: String
    public var detailType: String
    public var jobId: String?
    public var imageSetId: String?
    public var status: String?
    public var isPrimary: Bool?

    public init(
        seq: Int64, epoch: Double? = nil, time: String, detailType: String, jobId: String? = nil,
        imageSetId: String? = nil, status: String? = nil, isPrimary: Bool? = nil
    ) {
        self.seq = seq
        self.epoch = epoch
        self.time = time
        self.detailType = detailType
        self.jobId = jobId
        self.imageSetId = imageSetId
        self.status = status
        self.isPrimary = isPrimary
    }
}

extension CutoverDatabase {
    /// The Events page: newest first (by ingestion order; the table holds each event id once). Filter: detail
    /// type, job id, image set id, status. `sort` is ignored; `descending: false` is newest first too, as a feed.
    public func eventsPage(_ request: PageRequest) throws -> PageSlice<EventRow> {
        try read { db in
            var filter = ""
            var arguments: [String: (any DatabaseValueConvertible)?] = ["limit": request.boundedLimit]
            if let pattern = request.likePattern {
                arguments["pattern"] = pattern
                filter = """
                    WHERE detail_type LIKE :pattern ESCAPE '\\' OR job_id LIKE :pattern ESCAPE '\\'
                       OR image_set_id LIKE :pattern ESCAPE '\\' OR status LIKE :pattern ESCAPE '\\'
                    """
            }
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM events \(filter)",
                arguments: StatementArguments(arguments.filter { $0.key != "limit" })) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, epoch, time, detail_type, job_id, image_set_id, status, is_primary FROM events \(filter)
                    ORDER BY seq DESC LIMIT :limit
                    """, arguments: StatementArguments(arguments)
            ).map {
                EventRow(
                    seq: $0["seq"], epoch: $0["epoch"], time: $0["time"], detailType: $0["detail_type"],
                    jobId: $0["job_id"], imageSetId: $0["image_set_id"], status: $0["status"], isPrimary: $0["is_primary"])
            }
            return PageSlice(rows: rows, total: total)
        }
    }
}

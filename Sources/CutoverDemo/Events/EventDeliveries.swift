import Foundation

/// A file of events that is written once, whole, when its delivery time comes, and never changes.
struct EventFile: Sendable {
    /// Relative to the demo directory.
    var path: String
    /// Indices into `DemoPlan.events`.
    var events: [Int32]
    var deliveredMs: Int64
    var gzip = false
}

/// Where each event lands. Most events land in one layout only; a couple are delivered twice on purpose,
/// because EventBridge delivery is at-least-once and readers must de-duplicate by `id`.
struct EventDeliveries: Sendable {
    /// `events/stream/events.ndjson`, appended line by line in this order.
    var stream: [Int32] = []
    var streamMs: [Int64] = []
    /// Firehose objects: records concatenated with no delimiter (reference §7).
    var firehose: [EventFile] = []
    /// Pretty-printed JSON arrays, one per half hour (an export job's period).
    var arrays: [EventFile] = []
    /// One pretty-printed event per file, as someone saved them from the console while investigating.
    var singles: [EventFile] = []
    /// The first delivery of each event, sorted: how many distinct events a reader can have seen by `t`.
    var firstSeenMs: [Int64] = []

    var lastDeliveryMs: Int64 {
        let files = (firehose + arrays + singles).map(\.deliveredMs)
        return max(streamMs.last ?? 0, files.max() ?? 0)
    }

    static let streamPath = "events/stream/events.ndjson"
    static let firehoseStream = "st-elsewhere-ahi-events"
    static let firehoseBufferMs: Int64 = 300_000
    static let arrayPeriodMs: Int64 = 1_800_000
}

extension DemoPlan {
    private struct Layouts: OptionSet {
        let rawValue: UInt8
        static let firehose = Layouts(rawValue: 1)
        static let stream = Layouts(rawValue: 2)
        static let array = Layouts(rawValue: 4)
        static let single = Layouts(rawValue: 8)
    }

    mutating func planDeliveries() {
        var layouts = events.indices.map { layout(of: events[$0]) }
        if let completed = events.indices.first(where: { events[$0].kind == .jobCompleted && layouts[$0] != .single }) {
            layouts[completed].formUnion([.firehose, .stream])
        }
        if let nonPrimary = events.indices.first(where: { !events[$0].isPrimary && layouts[$0] != .single }) {
            layouts[nonPrimary].insert(layouts[nonPrimary].contains(.array) ? .stream : .array)
        }
        let lastEventMs = events.last?.timeMs ?? startMs
        var plan = EventDeliveries()
        var firstSeen = [Int64](repeating: .max, count: events.count)
        func seen(_ e: Int, _ ms: Int64) { firstSeen[e] = min(firstSeen[e], ms) }

        var streamed: [(ms: Int64, event: Int)] = []
        for e in events.indices where layouts[e].contains(.stream) {
            let ms = events[e].timeMs + 200 + Int64(DemoHash.of(seed, .eventLayout, e, 1) % 3_800)
            streamed.append((ms, e))
            seen(e, ms)
        }
        streamed.sort { ($0.ms, $0.event) < ($1.ms, $1.event) }
        plan.stream = streamed.map { Int32($0.event) }
        plan.streamMs = streamed.map(\.ms)

        var window: [Int32] = []
        func flushWindow() {
            guard let first = window.first else { return }
            let openedMs = events[Int(first)].timeMs
            let deliveredMs = min(openedMs + EventDeliveries.firehoseBufferMs, lastEventMs) + 5_000
            let index = plan.firehose.count
            let p = DemoText.utcParts(ms: openedMs)
            let uuid = DemoIdentifiers.uuid(seed, .firehoseObject, index)
            let name =
                "\(EventDeliveries.firehoseStream)-1-\(p.year)-\(p.month)-\(p.day)-\(p.hour)-\(p.minute)-"
                + "\(p.second)-\(uuid)"
            let gzip = index % 3 == 2
            plan.firehose.append(
                EventFile(
                    path: "events/firehose/\(p.year)/\(p.month)/\(p.day)/\(p.hour)/\(name)\(gzip ? ".gz" : "")",
                    events: window, deliveredMs: deliveredMs, gzip: gzip))
            for e in window { seen(Int(e), deliveredMs) }
            window = []
        }
        for e in events.indices where layouts[e].contains(.firehose) {
            if let first = window.first,
                events[e].timeMs >= events[Int(first)].timeMs + EventDeliveries.firehoseBufferMs
            {
                flushWindow()
            }
            window.append(Int32(e))
        }
        flushWindow()

        var periods: [Int64: [Int32]] = [:]
        for e in events.indices where layouts[e].contains(.array) {
            periods[events[e].timeMs / EventDeliveries.arrayPeriodMs, default: []].append(Int32(e))
        }
        for (period, members) in periods.sorted(by: { $0.key < $1.key }) {
            let openedMs = period * EventDeliveries.arrayPeriodMs
            let deliveredMs = min(openedMs + EventDeliveries.arrayPeriodMs, lastEventMs) + 60_000
            let p = DemoText.utcParts(ms: openedMs)
            plan.arrays.append(
                EventFile(
                    path: "events/array/medical-imaging-events-\(p.year)-\(p.month)-\(p.day)T\(p.hour)\(p.minute).json",
                    events: members, deliveredMs: deliveredMs))
            for e in members { seen(Int(e), deliveredMs) }
        }

        for e in events.indices where layouts[e].contains(.single) {
            let job = jobs[Int(events[e].job)]
            let slug = events[e].kind.detailType.lowercased().replacingOccurrences(of: " ", with: "-")
            let deliveredMs = events[e].timeMs + 30_000 + Int64(DemoHash.of(seed, .eventLayout, e, 2) % 60_000)
            plan.singles.append(
                EventFile(path: "events/single/\(job.name)-\(slug).json", events: [Int32(e)], deliveredMs: deliveredMs))
            seen(e, deliveredMs)
        }
        plan.firstSeenMs = firstSeen.sorted()
        deliveries = plan
    }

    /// The FAILED job's events and the stalled job's In Progress event are the ones someone would have saved by
    /// hand; the rest spread over Firehose (most), the NDJSON stream and hourly arrays.
    private func layout(of event: PlannedEvent) -> Layouts {
        let job = jobs[Int(event.job)]
        if job.kind == .failed || (job.kind == .stalled && event.kind == .jobInProgress) { return .single }
        let h = DemoHash.of(seed, .eventLayout, event.sequence) % 100
        return h < 60 ? .firehose : h < 88 ? .stream : .array
    }
}

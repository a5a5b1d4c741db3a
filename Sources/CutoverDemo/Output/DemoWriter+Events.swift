/// Event files in every layout a Firehose or hand-made pipeline produces (reference §7).
extension DemoWriter {
    func advanceEvents(atMs ms: Int64) throws {
        let deliveries = plan.deliveries
        try folder.ensureDirectory("events/stream")
        try folder.createEmptyIfMissing(EventDeliveries.streamPath)
        let due = deliveries.streamMs.prefix { $0 <= ms }.count
        let onDisk = try folder.completeLineCount(EventDeliveries.streamPath)
        if onDisk < due {
            var out = ByteBuffer()
            for e in deliveries.stream[onDisk..<due] {
                plan.eventJSON(plan.events[Int(e)]).compact(into: &out)
                out.append(byte: 10)
            }
            try folder.append(EventDeliveries.streamPath, out.bytes)
        }
        for file in deliveries.firehose where file.deliveredMs <= ms {
            try folder.writeOnce(file.path, firehoseObject(file))
        }
        for file in deliveries.arrays where file.deliveredMs <= ms {
            try folder.writeOnce(
                file.path, JSONValue.array(file.events.map { plan.eventJSON(plan.events[Int($0)]) }).prettyBytes)
        }
        for file in deliveries.singles where file.deliveredMs <= ms {
            try folder.writeOnce(file.path, plan.eventJSON(plan.events[Int(file.events[0])]).prettyBytes)
        }
    }

    /// Records concatenated with no delimiter, as Firehose writes EventBridge events by default.
    private func firehoseObject(_ file: EventFile) -> [UInt8] {
        var out = ByteBuffer()
        for e in file.events { plan.eventJSON(plan.events[Int(e)]).compact(into: &out) }
        return file.gzip ? Gzip.wrap(out.bytes) : out.bytes
    }
}

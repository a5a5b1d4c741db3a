import CutoverFormats
import FuzzSupport

/// A JSON file outside a job folder as the folder ingestor reads it: gunzipped when it starts with the gzip
/// magic, classified from its first key, then decoded as a job list, a job, a manifest or a stream of events.
///
/// Events are split twice: whole (how compressed files and arrays are read) and as a growing file polled every
/// 16…4096 bytes (the first input byte chooses), each poll resuming where the previous one stopped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    // At most about 64 polls, so a long input does not turn into thousands of re-splits of one pending value.
    let step = max(16 * (1 + Int(input.takeByte())), input.bytes.count / 64)
    var bytes = Array(input.bytes)
    if bytes.withUnsafeBytes({ Gunzip.isGzip($0) }) {
        guard let inflated = try? bytes.withUnsafeBytes({ try Gunzip.decompress($0, limit: 1 << 24) }) else { return 0 }
        bytes = inflated
    }
    bytes.withUnsafeBytes { raw in
        let kind = DocumentKind.classify(prefix: UnsafeRawBufferPointer(rebasing: raw.prefix(65536)))
        guard let value = try? LenientJSONParser.parseDocument(raw) else { return }
        switch kind {
        case .jobList: _ = try? JobResponseDecoder.decodeList(value)
        case .jobDetail: _ = try? JobResponseDecoder.decodeJob(value)
        case .jobManifest: _ = try? ManifestDecoder.decode(value)
        case .events, .unknown: break
        }
    }
    bytes.withUnsafeBytes { raw in
        var whole = EventStreamSplitter(bytes: raw, firstLine: 1, isFinal: true)
        drain(&whole, bytes: raw)
        precondition(whole.consumed == raw.count, "a final split left bytes unconsumed")
        pollAsGrowing(raw, step: step)
    }
    return 0
}

/// Each poll sees the file from the cursor to its current end, as `ingestEventStream` does.
private func pollAsGrowing(_ raw: UnsafeRawBufferPointer, step: Int) {
    var offset = 0
    var line = 0
    var end = min(step, raw.count)
    while true {
        let visible = UnsafeRawBufferPointer(rebasing: raw[offset..<end])
        var splitter = EventStreamSplitter(bytes: visible, firstLine: line + 1, isFinal: false)
        drain(&splitter, bytes: visible)
        precondition(splitter.consumed <= visible.count, "consumed past the end of the buffer")
        precondition(splitter.lineAtConsumed >= line + 1, "the line number went backwards")
        offset += splitter.consumed
        line = splitter.lineAtConsumed - 1
        if end == raw.count { break }
        end = min(end + step, raw.count)
    }
}

private func drain(_ splitter: inout EventStreamSplitter, bytes: UnsafeRawBufferPointer) {
    while let item = splitter.next() {
        switch item {
        case .value(let value, _, let offset):
            precondition(offset < bytes.count, "a value offset outside the buffer")
            _ = try? EventDecoder.decode(value)
        case .malformed(_, _, let offset, let excerpt):
            precondition(offset <= bytes.count && excerpt.count <= 64, "a malformed span outside the buffer")
        }
    }
}

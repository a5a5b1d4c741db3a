import CutoverCore
import CutoverFormats
import FuzzSupport

private let file = ScratchFile(suffix: ".ndjson")

/// `success.ndjson`, `warning.ndjson` and `failure.ndjson` as the folder ingestor reads them: lines handed out by
/// `LineChunkReader` in small chunks and batches, each tried by the no-allocation scanner and, when it declines,
/// by the lenient JSON parser and the result decoder; the unterminated tail is taken only when it is whole.
///
/// The first input byte chooses the chunk size (1…64 bytes, so lines straddle reads and the buffer grows) and the
/// batch size; the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let control = Int(input.takeByte())
    file.write(input.bytes)
    let batch = 1 + control / 64
    var reader = LineChunkReader(path: file.path, chunkSize: 1 + control % 64)
    var consumed = 0
    repeat {
        consumed = (try? reader.read(maxLines: batch, ingestLine, tail: ingestTail)) ?? 0
    } while consumed == batch
    precondition(reader.offset <= Int64(input.bytes.count), "the reader went past the end of the file")
    return 0
}

private func ingestTail(_ bytes: UnsafeRawBufferPointer, line: Int, offset: Int64) -> Bool {
    do {
        _ = try LenientJSONParser.parseDocument(bytes)
    } catch where error.isTruncated {
        return false
    } catch {}
    ingestLine(bytes, line: line, offset: offset)
    return true
}

private func ingestLine(_ bytes: UnsafeRawBufferPointer, line: Int, offset: Int64) {
    if let scanned = ResultLineScanner.scan(bytes) {
        checkScanned(scanned, in: bytes)
        return
    }
    guard let value = try? LenientJSONParser.parseDocument(bytes) else { return }
    for outcome in Outcome.allCases {
        _ = try? ResultLineDecoder.decode(value, outcome: outcome)
    }
}

/// The store slices the line with the scanner's spans, so they must lie inside it; and the scanner only answers
/// when it is certain, so the full decoder must agree on the line being a result with that `inputFile`.
private func checkScanned(_ scanned: ScannedResult, in bytes: UnsafeRawBufferPointer) {
    for span in [scanned.inputFile, scanned.imageSetId].compactMap({ $0 }) {
        precondition(span.start >= 0 && span.count >= 0 && span.start + span.count <= bytes.count, "span outside")
    }
    let value: JSONValue
    do {
        value = try LenientJSONParser.parseDocument(bytes)
    } catch {
        preconditionFailure("the scanner accepted a line the parser rejects: \(error)")
    }
    guard let decoded = try? ResultLineDecoder.decode(value, outcome: .success) else {
        preconditionFailure("the scanner accepted a line the decoder rejects")
    }
    let raw = UnsafeRawBufferPointer(rebasing: bytes[scanned.inputFile.start..<(scanned.inputFile.start + scanned.inputFile.count)])
    if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
        precondition(decoded.inputFile == String(decoding: raw, as: UTF8.self), "scanner and decoder disagree")
    }
}

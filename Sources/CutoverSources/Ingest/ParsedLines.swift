import CutoverCore
import CutoverFormats

/// One result line, parsed: what `FolderIngestor` does with it needs no more reading.
struct ParsedLine: Sendable {
    enum Parse: Sendable {
        case blank
        /// The fast scanner's fields; spans are relative to the line's bytes.
        case scanned(ScannedResult)
        case decoded(ResultLine)
        case rejected(reason: String)
    }

    var start: Int
    var count: Int
    var line: Int
    var offset: Int64
    var parse: Parse

    static func parse(_ bytes: UnsafeRawBufferPointer, outcome: Outcome) -> Parse {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
        if let scanned = ResultLineScanner.scan(bytes) { return .scanned(scanned) }
        do {
            return .decoded(try ResultLineDecoder.decode(LenientJSONParser.parseDocument(bytes), outcome: outcome))
        } catch let error as JSONParseError {
            return .rejected(reason: "not valid JSON (\(error.reason))")
        } catch let error as FormatError {
            return .rejected(reason: error.reason)
        } catch {
            return .rejected(reason: "\(error)")
        }
    }
}

/// A run of parsed lines with a copy of their bytes.
struct ParsedChunk: Sendable {
    /// A file's first chunk is small, so the writer starts on it almost at once; later ones grow to `maxLines`.
    static let firstLines = 16
    static let maxLines = 256

    var bytes: [UInt8] = []
    var lines: [ParsedLine] = []

    mutating func add(_ line: UnsafeRawBufferPointer, number: Int, offset: Int64, parse: ParsedLine.Parse) {
        lines.append(ParsedLine(start: bytes.count, count: line.count, line: number, offset: offset, parse: parse))
        bytes.append(contentsOf: line)
    }
}

/// Reads and parses a results file on a second thread while the caller writes what was parsed before (see
/// `HandOff`). Reading stops after `maxLines` lines, like `LineChunkReader`.
struct ParsedLineStream {
    struct End: Sendable {
        var offset: Int64
        var line: Int
        var consumed: Int
    }

    private let handOff: HandOff<ParsedChunk, End>

    init(path: String, offset: Int64, line: Int, maxLines: Int, outcome: Outcome) {
        handOff = HandOff { handOff in
            var reader = LineChunkReader(path: path, offset: offset, line: line)
            var chunk = ParsedChunk()
            var chunkLines = ParsedChunk.firstLines
            let consumed = try reader.read(
                maxLines: maxLines,
                { bytes, number, start in
                    chunk.add(bytes, number: number, offset: start, parse: ParsedLine.parse(bytes, outcome: outcome))
                    if chunk.lines.count == chunkLines {
                        try handOff.put(chunk)
                        chunk = ParsedChunk()
                        chunkLines = min(chunkLines * 2, ParsedChunk.maxLines)
                    }
                },
                tail: { bytes, number, start in
                    // An unterminated last line counts only when it is a whole JSON object; half of one is a
                    // line still being written and waits for the next poll.
                    do {
                        _ = try LenientJSONParser.parseDocument(bytes)
                    } catch let error as JSONParseError where error.isTruncated {
                        return false
                    } catch {}
                    chunk.add(bytes, number: number, offset: start, parse: ParsedLine.parse(bytes, outcome: outcome))
                    return true
                })
            if !chunk.lines.isEmpty { try handOff.put(chunk) }
            return End(offset: reader.offset, line: reader.line, consumed: consumed)
        }
    }

    /// The next chunk in file order; nil after the last. Rethrows a read error where it happened.
    func next() throws -> ParsedChunk? { try handOff.next() }

    /// Where reading stopped; valid once `next()` returned nil.
    var finish: End { handOff.ending }

    /// Stops the reader early (the caller gave up on this file).
    func cancel() { handOff.cancel() }
}

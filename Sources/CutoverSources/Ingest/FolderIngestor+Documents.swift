import CutoverCore
import CutoverFormats
import CutoverStore

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension FolderIngestor {
    /// `job-output-manifest.json`: small and written once; read whole.
    func ingestManifest(_ file: SourceFile, in batch: inout Batch) throws {
        let session = batch.session
        let bytes = try readWhole(file.path)
        var cursor = try session.cursor(path: file.path) ?? FileCursor(path: file.path, kind: "manifest")
        do {
            let root = try bytes.withUnsafeBytes { try LenientJSONParser.parseDocument($0) }
            try session.apply(try ManifestDecoder.decode(root))
        } catch let error as JSONParseError where error.isTruncated {
            return  // still being written: the unchanged cursor makes the next poll try again
        } catch let error as JSONParseError {
            try batch.quarantine(
                path: file.path, line: line(at: error.offset, in: bytes), offset: Int64(error.offset),
                reason: "not valid JSON (\(error.reason))", excerpt: Array(bytes.prefix(64)))
        } catch let error as FormatError {
            try batch.quarantine(path: file.path, line: 1, offset: 0, reason: error.reason, excerpt: Array(bytes.prefix(64)))
        }
        cursor.size = file.size
        cursor.mtimeNanoseconds = file.mtimeNanoseconds
        cursor.offset = Int64(bytes.count)
        try session.save(cursor)
    }

    /// A JSON file outside a job folder: ListDICOMImportJobs or GetDICOMImportJob responses, or events in
    /// any layout (one object, an array, NDJSON, Firehose-style concatenated), optionally gzip-compressed.
    func ingestDocument(_ file: SourceFile, in batch: inout Batch) throws {
        let session = batch.session
        var cursor = try session.cursor(path: file.path) ?? FileCursor(path: file.path, kind: "document")
        if cursor.kind == "events-stream", file.size >= cursor.offset {
            try ingestEventStream(file, cursor: cursor, in: &batch)
            return
        }
        var bytes = try readWhole(file.path)
        var compressed = false
        if bytes.withUnsafeBytes({ Gunzip.isGzip($0) }) {
            do {
                bytes = try bytes.withUnsafeBytes { try Gunzip.decompress($0) }
                compressed = true
            } catch let error as FormatError {
                try batch.quarantine(path: file.path, line: 1, offset: 0, reason: error.reason, excerpt: [])
                try saveWhole(file, cursor: &cursor, kind: "gzip", session: session)
                return
            }
        }
        let kind = bytes.withUnsafeBytes { DocumentKind.classify(prefix: UnsafeRawBufferPointer(rebasing: $0.prefix(65536))) }
        switch kind {
        case .jobList, .jobDetail, .jobManifest:
            do {
                let value = try bytes.withUnsafeBytes { try LenientJSONParser.parseDocument($0) }
                switch kind {
                case .jobList:
                    for job in try JobResponseDecoder.decodeList(value).jobs { try session.merge(job) }
                case .jobDetail:
                    try session.merge(try JobResponseDecoder.decodeJob(value))
                default:
                    try session.apply(try ManifestDecoder.decode(bytes))
                }
            } catch let error as JSONParseError where error.isTruncated && !compressed {
                return
            } catch let error as JSONParseError {
                try batch.quarantine(
                    path: file.path, line: line(at: error.offset, in: bytes), offset: Int64(error.offset),
                    reason: "not valid JSON (\(error.reason))", excerpt: Array(bytes.prefix(64)))
            } catch let error as FormatError {
                try batch.quarantine(path: file.path, line: 1, offset: 0, reason: error.reason, excerpt: Array(bytes.prefix(64)))
            }
            try saveWhole(file, cursor: &cursor, kind: "\(kind)", session: session)
        case .events:
            let isArray = bytes.first(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) == UInt8(ascii: "[")
            if compressed || isArray {
                // Whole-file layouts: read again when they change; event ids make repeats harmless.
                try bytes.withUnsafeBytes { raw in
                    var splitter = EventStreamSplitter(bytes: raw, firstLine: 1, isFinal: true)
                    try drain(&splitter, path: file.path, file: try session.save(cursor), in: &batch)
                }
                try saveWhole(file, cursor: &cursor, kind: compressed ? "events-gzip" : "events-array", session: session)
            } else {
                cursor.kind = "events-stream"
                cursor.offset = 0
                cursor.line = 0
                try ingestEventStream(file, cursor: cursor, in: &batch)
            }
        case .unknown:
            if bytes.allSatisfy(isSpace) { return }  // empty so far: it may be growing
            try batch.quarantine(
                path: file.path, line: 1, offset: 0, reason: "not an AHI API response or event file",
                excerpt: Array(bytes.prefix(64)))
            try saveWhole(file, cursor: &cursor, kind: "unknown", session: session)
        }
    }

    /// NDJSON or concatenated events, read from the cursor on; an unfinished last value waits.
    private func ingestEventStream(_ file: SourceFile, cursor start: FileCursor, in batch: inout Batch) throws {
        let session = batch.session
        var cursor = start
        let fileID = try session.save(cursor)
        let bytes = try readWhole(file.path, from: cursor.offset)
        let consumed: Int
        let lineAfter: Int
        (consumed, lineAfter) = try bytes.withUnsafeBytes { raw in
            var splitter = EventStreamSplitter(bytes: raw, firstLine: cursor.line + 1, isFinal: false)
            try drain(&splitter, path: file.path, file: fileID, in: &batch, baseOffset: cursor.offset)
            return (splitter.consumed, splitter.lineAtConsumed)
        }
        cursor.id = fileID
        cursor.offset += Int64(consumed)
        cursor.line = lineAfter - 1
        cursor.size = file.size
        cursor.mtimeNanoseconds = file.mtimeNanoseconds
        try session.save(cursor)
    }

    private func drain(
        _ splitter: inout EventStreamSplitter, path: String, file: Int64, in batch: inout Batch, baseOffset: Int64 = 0
    ) throws {
        while let item = splitter.next() {
            switch item {
            case .value(let value, let line, let offset):
                do {
                    let event = try EventDecoder.decode(value)
                    guard event.source == "aws.medical-imaging" else {
                        batch.eventsIgnored += 1
                        continue
                    }
                    try batch.session.add(event, file: file, line: line)
                } catch let error as FormatError {
                    try batch.quarantine(
                        path: path, line: line, offset: baseOffset + Int64(offset), reason: error.reason, excerpt: [])
                }
            case .malformed(let reason, let line, let offset, let excerpt):
                try batch.quarantine(
                    path: path, line: line, offset: baseOffset + Int64(offset), reason: "not valid JSON (\(reason))",
                    excerpt: excerpt)
            }
        }
    }

    private func saveWhole(_ file: SourceFile, cursor: inout FileCursor, kind: String, session: IngestSession) throws {
        cursor.kind = kind
        cursor.size = file.size
        cursor.mtimeNanoseconds = file.mtimeNanoseconds
        cursor.offset = file.size
        try session.save(cursor)
    }

    private func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(min(offset, bytes.count)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

/// Reads a file (from `offset`) whole: for manifests, API responses and event files, which are small.
func readWhole(_ path: String, from offset: Int64 = 0) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno)).lowercased()) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno)).lowercased()) }
    let size = max(0, Int(Int64(info.st_size) - offset))
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, size - filled, off_t(offset) + off_t(filled)) }
        if n < 0 {
            if errno == EINTR { continue }
            throw FileReadError(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        if n == 0 { break }
        filled += n
    }
    bytes.removeLast(size - filled)
    return bytes
}

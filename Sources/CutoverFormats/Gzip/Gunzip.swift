import CZlib

/// Decompresses gzip files, as Firehose writes them when the delivery stream compresses (reference §7).
///
/// Firehose may write several gzip members back to back in one object; all of them are decompressed, in order.
/// A zlib stream is accepted too, since zlib's auto-detection costs nothing.
public enum Gunzip {
    /// The gzip magic number `1F 8B`.
    public static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of every member. Throws when the data is corrupt, ends early (a file still being
    /// uploaded, or cut short), is followed by bytes that are not another member, or would grow beyond `limit`.
    public static func decompress(
        _ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 30
    ) throws(FormatError) -> [UInt8] {
        guard !bytes.isEmpty else { throw FormatError("the gzip data is empty") }
        let inflater = try Inflater()

        // One byte beyond the limit is room enough to notice that the output would exceed it.
        let capacityCap = limit < Int.max ? max(limit, 0) + 1 : limit
        var output = [UInt8](repeating: 0, count: min(capacityCap, max(1 << 16, bytes.count * 4)))
        var produced = 0
        var fed = 0
        while true {
            if inflater.pendingInput == 0, fed < bytes.count {
                let chunk = min(bytes.count - fed, Int(UInt32.max))
                inflater.feed(UnsafeRawBufferPointer(rebasing: bytes[fed..<(fed + chunk)]))
                fed += chunk
            }
            if produced == output.count {
                guard output.count <= limit else { throw tooLarge(limit) }
                output.append(contentsOf: repeatElement(0, count: min(capacityCap, output.count * 2) - output.count))
            }
            let status = output.withUnsafeMutableBytes { buffer in
                inflater.inflate(into: buffer, at: &produced)
            }
            guard produced <= limit else { throw tooLarge(limit) }

            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let next = fed - inflater.pendingInput
                let rest = UnsafeRawBufferPointer(rebasing: bytes[next...])
                if rest.isEmpty || rest.allSatisfy({ $0 == 0 }) {
                    output.removeLast(output.count - produced)
                    return output
                }
                guard isGzip(rest) else {
                    throw FormatError("the gzip data is followed by bytes that are not gzip")
                }
                guard inflater.reset() else { throw FormatError("zlib could not start a member") }
            case Z_BUF_ERROR where inflater.pendingInput == 0 && fed == bytes.count:
                throw FormatError("the gzip data ended early; the file is incomplete")
            case Z_BUF_ERROR:
                continue
            case Z_MEM_ERROR:
                throw FormatError("zlib ran out of memory while decompressing")
            default:
                throw FormatError("the gzip data is corrupt (\(inflater.message ?? "zlib error \(status)"))")
            }
        }
    }

    private static func tooLarge(_ limit: Int) -> FormatError {
        FormatError("the decompressed data is larger than the limit of \(limit) bytes")
    }
}

/// A zlib inflate stream set up for gzip or zlib input.
///
/// A class holding the `z_stream` at a fixed heap address: zlib keeps a pointer back to the stream it was
/// initialised with and refuses (`Z_STREAM_ERROR`) a copy that has moved, as a Swift struct value would.
private final class Inflater {
    private let pointer: UnsafeMutablePointer<z_stream>

    init() throws(FormatError) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: z_stream())
        guard czlib_inflate_init_gzip(pointer) == Z_OK else {
            pointer.deallocate()
            throw FormatError("zlib could not be initialised")
        }
    }

    deinit {
        inflateEnd(pointer)
        pointer.deallocate()
    }

    /// Bytes handed to zlib but not yet read by it.
    var pendingInput: Int { Int(pointer.pointee.avail_in) }

    func feed(_ input: UnsafeRawBufferPointer) {
        pointer.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        pointer.pointee.avail_in = UInt32(input.count)
    }

    /// Inflates into `buffer` from offset `produced`, advancing it; returns zlib's status.
    func inflate(into buffer: UnsafeMutableRawBufferPointer, at produced: inout Int) -> Int32 {
        let room = min(buffer.count - produced, Int(UInt32.max))
        pointer.pointee.next_out = buffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
        pointer.pointee.avail_out = UInt32(room)
        let status = CZlib.inflate(pointer, Z_NO_FLUSH)
        produced += room - Int(pointer.pointee.avail_out)
        return status
    }

    /// Starts the next gzip member, keeping the settings.
    func reset() -> Bool { inflateReset(pointer) == Z_OK }

    var message: String? { pointer.pointee.msg.map { String(cString: $0) } }
}

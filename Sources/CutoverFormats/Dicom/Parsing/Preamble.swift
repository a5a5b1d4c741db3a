/// The 128-byte preamble and `DICM` prefix of PS3.10 7.1.
enum Preamble {
    private static let magic: [UInt8] = Array("DICM".utf8)

    /// Where the meta group or data set starts, and whether a full preamble was there. A bare `DICM` with no
    /// preamble before it is skipped too, as some writers produce it.
    static func locate(in start: UnsafeRawBufferPointer) -> (offset: Int, hasPreamble: Bool) {
        if start.count >= 132, start[128..<132].elementsEqual(magic) {
            return (132, true)
        }
        if start.count >= 4, start[0..<4].elementsEqual(magic) {
            return (4, false)
        }
        return (0, false)
    }
}

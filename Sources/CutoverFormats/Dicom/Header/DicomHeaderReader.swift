/// Reads the identifying attributes of a DICOM Part 10 file without reading its pixel data.
///
/// ```swift
/// let header = try DicomHeaderReader.read(path: "/data/study/IM0001.dcm")
/// header.studyInstanceUID  // "1.2.840.113619.2.55.3.…"
/// ```
///
/// All transfer syntaxes are handled: implicit and explicit VR little endian (and every encapsulated syntax,
/// which is explicit VR little endian outside the pixel data), explicit VR big endian, and deflated data sets.
/// Files without a preamble or meta group are recognised from their first element. Reading stops at the first
/// top-level tag past (0028,0008), so pixel data is never touched; only top-level elements are taken.
public enum DicomHeaderReader {
    /// Reads only as much of the file as the header needs: a 16 KiB window, moved or widened only when the
    /// elements before the last needed tag do not fit in it.
    public static func read(path: String) throws(DicomReadError) -> DicomHeader {
        try read(from: FileByteSource(path: path))
    }

    /// Reads a file already in memory, in place; for a deflated data set only the inflation window is allocated.
    public static func read(bytes: UnsafeRawBufferPointer) throws(DicomReadError) -> DicomHeader {
        try read(from: MemoryByteSource(buffer: bytes))
    }

    static func read<Source: ByteSource>(from source: Source) throws(DicomReadError) -> DicomHeader {
        var cursor = ElementCursor(source: source)
        let opening = try cursor.source.bytes(at: 0, count: 132)
        guard !opening.isEmpty else { throw .emptyFile }
        let (start, hasPreamble) = Preamble.locate(in: opening)
        let meta = try FileMetaReader.read(from: &cursor, at: start)
        var header = DicomHeader(transferSyntaxUID: meta.transferSyntaxUID, hasPreamble: hasPreamble)
        let markedAsDicom = hasPreamble || meta.isPresent || start > 0
        if let syntax = meta.transferSyntax, syntax.isDeflated {
            let inflating = try InflatingByteSource(compressed: cursor.source, startingAt: meta.dataSetOffset)
            var inner = ElementCursor(source: inflating)
            try scanDataSet(&inner, from: 0, declared: syntax.encoding, markedAsDicom: true, into: &header)
        } else {
            try scanDataSet(
                &cursor, from: meta.dataSetOffset, declared: meta.transferSyntax?.encoding,
                markedAsDicom: markedAsDicom, into: &header)
        }
        header.fallBack(to: meta)
        return header
    }

    private static func scanDataSet<Source>(
        _ cursor: inout ElementCursor<Source>, from start: Int, declared: DataSetEncoding?, markedAsDicom: Bool,
        into header: inout DicomHeader
    ) throws(DicomReadError) {
        let first = try cursor.source.bytes(at: start, count: 8)
        if first.isEmpty {
            // A meta group with no data set after it is a valid, if odd, file; nothing at all is not DICOM.
            guard markedAsDicom else { throw .notDicom }
            return
        }
        let encoding: DataSetEncoding
        if let declared {
            encoding = EncodingSniffer.confirm(declared, first: first)
        } else if let guessed = EncodingSniffer.guess(first, lenient: markedAsDicom) {
            encoding = guessed
        } else {
            throw .notDicom
        }
        try DataSetScanner.scan(&cursor, from: start, encoding: encoding, into: &header)
    }
}

/// Walks the top level of a data set and keeps the values a ``DicomHeader`` holds.
///
/// Only top-level elements are read: sequences are stepped over whole, so a Study Instance UID inside, say, a
/// Referenced Study Sequence never stands in for the file's own.
enum DataSetScanner {
    static func scan<Source>(
        _ cursor: inout ElementCursor<Source>, from start: Int, encoding: DataSetEncoding,
        into header: inout DicomHeader
    ) throws(DicomReadError) {
        var offset = start
        while let element = try cursor.header(at: offset, encoding: encoding) {
            // Stray delimiters (group FFFE) also land here, which ends the data set as pydicom does.
            if element.tag > DicomHeader.lastTag { return }
            if element.hasUndefinedLength {
                offset = try cursor.endOfUndefinedLength(element, in: encoding)
                continue
            }
            if DicomHeader.holds(element.tag) {
                header.store(try cursor.value(of: element), for: element.tag)
            }
            offset = try cursor.end(of: element)
        }
    }
}

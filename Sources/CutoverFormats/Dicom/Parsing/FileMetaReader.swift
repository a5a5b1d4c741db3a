/// Reads the file meta group, which is explicit VR little endian whatever the data set uses (PS3.10 7.1).
enum FileMetaReader {
    /// Reads group 0002 elements from `start` until the group ends.
    ///
    /// The group ends where (0002,0000) says, but writers get that length wrong often enough that an
    /// uncompressed file keeps going while the next tag is still in group 0002, and stops early if the group
    /// changes first. A deflated data set is opaque bytes, so there the group length is trusted when present.
    /// An element whose VR is not two letters is read as implicit VR, which some writers use for the group.
    static func read<Source>(
        from cursor: inout ElementCursor<Source>, at start: Int
    ) throws(DicomReadError) -> FileMeta {
        var meta = FileMeta(dataSetOffset: start)
        var offset = start
        var groupEnd: Int?
        while true {
            let peek = try cursor.source.bytes(at: offset, count: 2)
            guard peek.count == 2 else { break }
            let stillInGroup = peek.uint16(at: 0, littleEndian: true) == 0x0002
            guard stillInGroup else { break }
            if let groupEnd, offset >= groupEnd, meta.transferSyntax?.isDeflated == true { break }
            guard let element = try cursor.header(at: offset, encoding: .explicitLittleEndian) else { break }
            guard !element.hasUndefinedLength else {
                throw DicomReadError("file meta element \(DicomTag.describe(element.tag)) has an undefined length")
            }
            switch element.tag {
            case DicomTag.fileMetaGroupLength where element.length == 4:
                let length = try cursor.value(of: element).uint32(at: 0, littleEndian: true)
                groupEnd = element.valueOffset + 4 + Int(length)
            case DicomTag.transferSyntaxUID:
                meta.transferSyntaxUID = HeaderText.string(try cursor.value(of: element))
            case DicomTag.mediaStorageSOPClassUID:
                meta.mediaStorageSOPClassUID = HeaderText.string(try cursor.value(of: element))
            case DicomTag.mediaStorageSOPInstanceUID:
                meta.mediaStorageSOPInstanceUID = HeaderText.string(try cursor.value(of: element))
            default:
                break
            }
            offset = try cursor.end(of: element)
            meta.isPresent = true
        }
        meta.dataSetOffset = offset
        return meta
    }
}

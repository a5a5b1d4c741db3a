/// Judges a data set's encoding from its first element, for files that do not say or say wrongly.
enum EncodingSniffer {
    /// The encoding of a data set that no transfer syntax describes, or `nil` when it looks like no DICOM.
    ///
    /// Implicit VR little endian is chosen when the first element is in group 0008 and has no VR letters where
    /// explicit VR would put them; explicit VR when those bytes are a known VR, big endian when the tag only
    /// makes sense that way round. With `lenient`, for a file whose preamble or meta group already marks it as
    /// DICOM, anything else is taken as implicit VR little endian, the default transfer syntax.
    static func guess(_ first: UnsafeRawBufferPointer, lenient: Bool) -> DataSetEncoding? {
        guard first.count >= 8 else { return lenient ? .implicitLittleEndian : nil }
        let littleGroup = first.uint16(at: 0, littleEndian: true)
        let explicitLooking = ValueRepresentation.looksExplicit(first[4], first[5])
        if !explicitLooking, littleGroup == 0x0008 {
            return .implicitLittleEndian
        }
        let vr = UInt16(first[4]) << 8 | UInt16(first[5])
        if explicitLooking, ValueRepresentation.isKnown(vr) {
            let bigGroup = first.uint16(at: 0, littleEndian: false)
            return littleGroup >= 0x0400 && bigGroup < 0x0400 ? .explicitBigEndian : .explicitLittleEndian
        }
        return lenient ? .implicitLittleEndian : nil
    }

    /// The declared encoding, switched between implicit and explicit VR when the first element plainly uses the
    /// other; writers that label an implicit data set explicit, or the reverse, are common enough to tolerate.
    static func confirm(_ declared: DataSetEncoding, first: UnsafeRawBufferPointer) -> DataSetEncoding {
        guard first.count >= 8 else { return declared }
        let looksExplicit = ValueRepresentation.looksExplicit(first[4], first[5])
        guard looksExplicit != declared.isExplicitVR else { return declared }
        let little = declared.isLittleEndian
        let tag =
            UInt32(first.uint16(at: 0, littleEndian: little)) << 16 | UInt32(first.uint16(at: 2, littleEndian: little))
        guard tag <= DicomHeader.lastTag else { return declared }
        return DataSetEncoding(isExplicitVR: looksExplicit, isLittleEndian: little)
    }
}

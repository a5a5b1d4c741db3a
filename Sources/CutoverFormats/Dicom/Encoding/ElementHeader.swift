/// One element's tag, VR and length as found in the stream, and where its value starts.
struct ElementHeader {
    var tag: UInt32
    /// The packed VR letters (see ``ValueRepresentation``), or 0 when the element was implicitly encoded.
    var vr: UInt16
    var length: UInt32
    var valueOffset: Int

    var hasUndefinedLength: Bool { length == DicomTag.undefinedLength }

    /// Items inside a UN element of undefined length are implicit VR little endian whatever the transfer syntax
    /// (PS3.5 6.2.2); everything else nested keeps the encoding of its parent.
    func encodingOfItems(in parent: DataSetEncoding) -> DataSetEncoding {
        vr == ValueRepresentation.unknown ? .implicitLittleEndian : parent
    }
}

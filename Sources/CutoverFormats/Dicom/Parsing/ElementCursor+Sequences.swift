extension ElementCursor {
    /// Sequences nest a handful of levels in real files; far deeper nesting is a corrupt or hostile file.
    static var nestingLimit: Int { 128 }

    private enum LevelKind {
        /// Expecting items until a sequence delimiter.
        case sequence
        /// Expecting elements of an undefined-length item until an item delimiter.
        case item
    }

    private struct Level {
        var kind: LevelKind
        /// The sequence being walked, named in errors.
        var owner: UInt32
        var encoding: DataSetEncoding
    }

    /// The offset just past the value of an undefined-length element: a sequence, or encapsulated pixel data
    /// inside one.
    ///
    /// A file cut anywhere inside is reported as ending inside `element`, the top-level element a user can find.
    /// Defined-length items are stepped over whole, unread. Undefined-length ones are walked element by element
    /// with an explicit stack, so nesting costs a bounded array rather than the thread's stack. Every step moves
    /// at least 8 bytes forward, so the walk ends with the source at the latest.
    mutating func endOfUndefinedLength(
        _ element: ElementHeader, in encoding: DataSetEncoding
    ) throws(DicomReadError) -> Int {
        var levels = [Level(kind: .sequence, owner: element.tag, encoding: element.encodingOfItems(in: encoding))]
        var offset = element.valueOffset
        while let level = levels.last {
            guard let next = try header(at: offset, encoding: level.encoding, within: element.tag) else {
                throw .endsInside(element.tag)
            }
            switch (level.kind, next.tag) {
            case (.sequence, DicomTag.item):
                guard next.hasUndefinedLength else {
                    offset = try end(ofValueAt: next.valueOffset, length: next.length, naming: element.tag)
                    continue
                }
                levels.append(Level(kind: .item, owner: level.owner, encoding: level.encoding))
                offset = next.valueOffset
            case (.sequence, DicomTag.sequenceDelimiter), (.item, DicomTag.itemDelimiter):
                levels.removeLast()
                offset = next.valueOffset
            case (.sequence, _):
                throw DicomReadError("sequence \(DicomTag.describe(level.owner)) holds an element that is not an item")
            case (.item, DicomTag.item), (.item, DicomTag.sequenceDelimiter):
                throw DicomReadError("an item of sequence \(DicomTag.describe(level.owner)) is never closed")
            case (.item, _):
                guard next.hasUndefinedLength else {
                    offset = try end(ofValueAt: next.valueOffset, length: next.length, naming: element.tag)
                    continue
                }
                guard levels.count < Self.nestingLimit else {
                    throw DicomReadError("sequences are nested deeper than \(Self.nestingLimit) levels")
                }
                let inner = next.encodingOfItems(in: level.encoding)
                levels.append(Level(kind: .sequence, owner: next.tag, encoding: inner))
                offset = next.valueOffset
            }
        }
        return offset
    }

    /// As ``header(at:encoding:)``, with a header cut short reported as the end of `owner`.
    private mutating func header(
        at offset: Int, encoding: DataSetEncoding, within owner: UInt32
    ) throws(DicomReadError) -> ElementHeader? {
        do {
            return try header(at: offset, encoding: encoding)
        } catch where error == .endsInsideHeader(at: offset) {
            throw .endsInside(owner)
        }
    }
}

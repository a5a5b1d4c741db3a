import CutoverFormats

/// Runs an ``EventStreamSplitter`` to the end over `bytes`.
func split(
    _ bytes: [UInt8], firstLine: Int = 1, isFinal: Bool = true
) -> (items: [EventStreamItem], consumed: Int, line: Int) {
    bytes.withUnsafeBytes { raw in
        var splitter = EventStreamSplitter(bytes: raw, firstLine: firstLine, isFinal: isFinal)
        var items: [EventStreamItem] = []
        while let item = splitter.next() { items.append(item) }
        return (items, splitter.consumed, splitter.lineAtConsumed)
    }
}

func split(_ text: String, firstLine: Int = 1, isFinal: Bool = true) -> (
    items: [EventStreamItem], consumed: Int, line: Int
) {
    split(Array(text.utf8), firstLine: firstLine, isFinal: isFinal)
}

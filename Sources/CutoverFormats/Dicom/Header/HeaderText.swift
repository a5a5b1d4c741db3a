/// Turns raw element values into the text and numbers of a ``DicomHeader``.
enum HeaderText {
    /// UTF-8 decoded leniently (invalid bytes become U+FFFD), less the trailing padding: UIs are padded with NUL
    /// and other strings with spaces, but writers mix them up, so both are stripped from either.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        var end = bytes.count
        while end > 0, isPadding(bytes[end - 1]) {
            end -= 1
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    }

    /// An IS value: a single integer that may carry a sign and spaces on either side. A decimal form with a zero
    /// fraction (`"2.0"`) is accepted as the integer it denotes, as pydicom does; anything else is `nil`.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var start = 0
        var end = bytes.count
        while end > start, isPadding(bytes[end - 1]) {
            end -= 1
        }
        while start < end, isPadding(bytes[start]) {
            start += 1
        }
        guard end > start, end - start <= 16 else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) {
            return value
        }
        guard let real = Double(text), real.rounded() == real, abs(real) < 1e15 else { return nil }
        return Int(real)
    }

    @inline(__always)
    private static func isPadding(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x00
    }
}

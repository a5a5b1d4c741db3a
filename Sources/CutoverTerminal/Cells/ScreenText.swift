/// Strings from files are untrusted: this is the one place they enter the screen.
public enum ScreenText {
    /// Replaces control characters (C0, DEL, C1, and so every escape sequence's introducer) with `·` or `?`,
    /// and unpaired or odd scalars with U+FFFD, so nothing from the data can move the cursor or set modes.
    public static func sanitize(_ text: String, ascii: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) || (ascii && !scalar.isASCII) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(ascii ? "?" : "\u{B7}")
            } else if ascii && !scalar.isASCII {
                out.append("?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029 || (v >= 0x202A && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069)
    }
}

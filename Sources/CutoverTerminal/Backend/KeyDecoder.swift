import CNcursesw

/// Turns what `wget_wch` returned into a `Key`, without touching the terminal, so the mapping is tested as a
/// table.
///
/// `wget_wch` reports two kinds of codes: function keys (`KEY_CODE_YES`, the code is one of the `KEY_*`
/// constants) and characters (the code is a Unicode scalar). Terminals disagree on Enter (CR or LF, or
/// `KEY_ENTER` from a keypad) and Backspace (DEL, BS or `KEY_BACKSPACE`), so every spelling maps to one key.
public enum KeyDecoder {
    /// The key for `code`, or nil for codes the dashboard has no use for (F-keys, mouse, NUL, C1 controls).
    ///
    /// Control letters come back lowercase: Ctrl-R is `.control("r")`.
    public static func decode(code: UInt32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? functionKey(Int32(truncatingIfNeeded: code)) : character(code)
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default: nil
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}

import CNcursesw
import Testing

@testable import CutoverTerminal

@Suite struct KeyDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let code: UInt32
        let isFunctionKey: Bool
        let key: Key?
        var testDescription: String { name }
    }

    static let functionKeys: [Case] = [
        Case(name: "up", code: UInt32(KEY_UP), isFunctionKey: true, key: .up),
        Case(name: "down", code: UInt32(KEY_DOWN), isFunctionKey: true, key: .down),
        Case(name: "left", code: UInt32(KEY_LEFT), isFunctionKey: true, key: .left),
        Case(name: "right", code: UInt32(KEY_RIGHT), isFunctionKey: true, key: .right),
        Case(name: "page up", code: UInt32(KEY_PPAGE), isFunctionKey: true, key: .pageUp),
        Case(name: "page down", code: UInt32(KEY_NPAGE), isFunctionKey: true, key: .pageDown),
        Case(name: "home", code: UInt32(KEY_HOME), isFunctionKey: true, key: .home),
        Case(name: "end", code: UInt32(KEY_END), isFunctionKey: true, key: .end),
        Case(name: "keypad enter", code: UInt32(KEY_ENTER), isFunctionKey: true, key: .enter),
        Case(name: "backspace key", code: UInt32(KEY_BACKSPACE), isFunctionKey: true, key: .backspace),
        Case(name: "shift-tab", code: UInt32(KEY_BTAB), isFunctionKey: true, key: .backTab),
        Case(name: "resize", code: UInt32(KEY_RESIZE), isFunctionKey: true, key: .resize),
        Case(name: "F1 is not used", code: UInt32(KEY_F0 + 1), isFunctionKey: true, key: nil),
        Case(name: "mouse is not used", code: UInt32(KEY_MOUSE), isFunctionKey: true, key: nil),
    ]

    static let characters: [Case] = [
        Case(name: "line feed", code: 10, isFunctionKey: false, key: .enter),
        Case(name: "carriage return (nonl)", code: 13, isFunctionKey: false, key: .enter),
        Case(name: "escape", code: 27, isFunctionKey: false, key: .escape),
        Case(name: "tab", code: 9, isFunctionKey: false, key: .tab),
        Case(name: "DEL", code: 127, isFunctionKey: false, key: .backspace),
        Case(name: "BS", code: 8, isFunctionKey: false, key: .backspace),
        Case(name: "ctrl-a", code: 1, isFunctionKey: false, key: .control("a")),
        Case(name: "ctrl-r", code: 18, isFunctionKey: false, key: .control("r")),
        Case(name: "ctrl-z", code: 26, isFunctionKey: false, key: .control("z")),
        Case(name: "NUL", code: 0, isFunctionKey: false, key: nil),
        Case(name: "ctrl-backslash", code: 28, isFunctionKey: false, key: nil),
        Case(name: "C1 control", code: 0x9B, isFunctionKey: false, key: nil),
        Case(name: "letter", code: 0x71, isFunctionKey: false, key: .character("q")),
        Case(name: "question mark", code: 0x3F, isFunctionKey: false, key: .character("?")),
        Case(name: "space", code: 0x20, isFunctionKey: false, key: .character(" ")),
        Case(name: "accented", code: 0xE9, isFunctionKey: false, key: .character("é")),
        Case(name: "wide", code: 0x5C71, isFunctionKey: false, key: .character("山")),
        Case(name: "surrogate is not a scalar", code: 0xD800, isFunctionKey: false, key: nil),
        Case(
            name: "a character code that equals KEY_UP", code: UInt32(KEY_UP), isFunctionKey: false,
            key: .character(Character(Unicode.Scalar(UInt32(KEY_UP))!))),
    ]

    @Test(arguments: functionKeys) func functionKey(_ example: Case) {
        #expect(KeyDecoder.decode(code: example.code, isFunctionKey: example.isFunctionKey) == example.key)
    }

    @Test(arguments: characters) func character(_ example: Case) {
        #expect(KeyDecoder.decode(code: example.code, isFunctionKey: example.isFunctionKey) == example.key)
    }
}

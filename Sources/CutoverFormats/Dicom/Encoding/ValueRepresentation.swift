/// The two ASCII letters of an explicit VR packed big-endian into a `UInt16` (`"OB"` is `0x4F42`), so the checks
/// made for every element are integer comparisons rather than string work.
enum ValueRepresentation {
    static func code(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt16 {
        UInt16(UInt8(ascii: first)) << 8 | UInt16(UInt8(ascii: second))
    }

    static let unknown = code("U", "N")

    /// Every VR of PS3.5 table 6.2-1; used only to judge whether a file with no meta group is explicit VR.
    private static let known: Set<UInt16> = [
        code("A", "E"), code("A", "S"), code("A", "T"), code("C", "S"), code("D", "A"), code("D", "S"),
        code("D", "T"), code("F", "D"), code("F", "L"), code("I", "S"), code("L", "O"), code("L", "T"),
        code("O", "B"), code("O", "D"), code("O", "F"), code("O", "L"), code("O", "V"), code("O", "W"),
        code("P", "N"), code("S", "H"), code("S", "L"), code("S", "Q"), code("S", "S"), code("S", "T"),
        code("S", "V"), code("T", "M"), code("U", "C"), code("U", "I"), code("U", "L"), code("U", "N"),
        code("U", "R"), code("U", "S"), code("U", "T"), code("U", "V"),
    ]

    static func isKnown(_ vr: UInt16) -> Bool {
        known.contains(vr)
    }

    /// Two upper-case letters. Anything else where a VR should be means the writer switched to implicit VR for
    /// this element, which some do inside sequences; the element is then read as implicit rather than rejected.
    @inline(__always)
    static func looksExplicit(_ first: UInt8, _ second: UInt8) -> Bool {
        (0x41...0x5A).contains(first) && (0x41...0x5A).contains(second)
    }

    /// VRs whose explicit encoding has 2 reserved bytes and a 4-byte length (PS3.5 7.1.2).
    @inline(__always)
    static func hasLongLength(_ vr: UInt16) -> Bool {
        switch vr {
        case 0x4F42, 0x4F44, 0x4F46, 0x4F4C, 0x4F56, 0x4F57:  // OB OD OF OL OV OW
            return true
        case 0x5351, 0x5356:  // SQ SV
            return true
        case 0x5543, 0x554E, 0x5552, 0x5554, 0x5556:  // UC UN UR UT UV
            return true
        default:
            return false
        }
    }
}

/// RFC 3986 percent-encoding the way SigV4 and botocore spell it.
///
/// Only the unreserved characters `A-Z a-z 0-9 - _ . ~` are kept; every other byte of the UTF-8 form is written
/// as `%XX` with uppercase hex, so a space is `%20` (never `+`). The same function builds the path and query we
/// send and the canonical request we sign, which is why the two can never disagree.
public enum URIEncoding {
    /// Encodes one path segment or query key or value: `/` is encoded too.
    ///
    ///     URIEncoding.component("a b/c") == "a%20b%2Fc"
    public static func component(_ text: String) -> String {
        encode(text, keepingSlash: false)
    }

    /// Encodes a path whose `/` separate segments, as botocore does for greedy labels such as an S3 key.
    ///
    ///     URIEncoding.path("/bucket/job out/x+y") == "/bucket/job%20out/x%2By"
    public static func path(_ text: String) -> String {
        encode(text, keepingSlash: true)
    }

    static func encode(_ text: String, keepingSlash: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

/// Just enough JSON for the low-volume files (manifests, API responses, events), with keys kept in the
/// order the reference examples use. Result lines are rendered by hand in `DemoWriter+Results.swift`.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    /// Epoch milliseconds written as seconds with a fraction, as the API puts timestamps on the wire.
    case seconds(ms: Int64)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func compact(into out: inout ByteBuffer) {
        switch self {
        case .array(let items):
            out.append(byte: 91)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: 44) }
                item.compact(into: &out)
            }
            out.append(byte: 93)
        case .object(let members):
            out.append(byte: 123)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(byte: 44) }
                out.appendJSONString(key)
                out.append(byte: 58)
                value.compact(into: &out)
            }
            out.append(byte: 125)
        default: scalar(into: &out)
        }
    }

    /// Two-space indentation and `": "`, the layout of the reference examples.
    func pretty(into out: inout ByteBuffer, indent: Int = 0) {
        func newline(_ level: Int) {
            out.append(byte: 10)
            for _ in 0..<(level * 2) { out.append(byte: 32) }
        }
        switch self {
        case .array(let items) where items.isEmpty: out.append("[]")
        case .object(let members) where members.isEmpty: out.append("{}")
        case .array(let items):
            out.append(byte: 91)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: 44) }
                newline(indent + 1)
                item.pretty(into: &out, indent: indent + 1)
            }
            newline(indent)
            out.append(byte: 93)
        case .object(let members):
            out.append(byte: 123)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(byte: 44) }
                newline(indent + 1)
                out.appendJSONString(key)
                out.append(": ")
                value.pretty(into: &out, indent: indent + 1)
            }
            newline(indent)
            out.append(byte: 125)
        default: scalar(into: &out)
        }
    }

    private func scalar(into out: inout ByteBuffer) {
        switch self {
        case .string(let s): out.appendJSONString(s)
        case .int(let n): out.append(n)
        case .bool(let b): out.append(b ? "true" : "false")
        case .seconds(let ms):
            out.append(Int(ms / 1000))
            out.append(byte: 46)
            var fraction = Int(ms % 1000)
            if fraction == 0 {
                out.append(byte: 48)
            } else {
                var width = 3
                while fraction % 10 == 0 {
                    fraction /= 10
                    width -= 1
                }
                out.append(fraction, width: width)
            }
        case .array, .object: break
        }
    }

    var prettyBytes: [UInt8] {
        var out = ByteBuffer()
        pretty(into: &out)
        out.append(byte: 10)
        return out.bytes
    }
}

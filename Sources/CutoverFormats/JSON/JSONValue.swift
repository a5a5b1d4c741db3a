/// A parsed JSON value.
///
/// AHI files disagree with each other on types (`imageSetVersion` is a string in events and an integer in
/// `warning.ndjson`), so decoders read fields through the forgiving accessors below instead of switching on
/// cases everywhere.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// The member named `key` when this is an object; `nil` otherwise or when absent.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The element at `index` when this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    public var bool: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// A whole number, from a number without a fraction or from a string of digits such as `"1"`.
    ///
    /// Events send `imageSetVersion` as a string while the manifest sends an integer; both mean the same.
    public var int: Int? {
        switch self {
        case .number(let number): Int(exactly: number)
        case .string(let text): Self.integer(fromDigits: text)
        default: nil
        }
    }

    public var double: Double? {
        guard case .number(let number) = self else { return nil }
        return number
    }

    public var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    public var object: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    public var isNull: Bool { self == .null }

    /// `-?[0-9]+` only: `Int(_:)` alone would also take `+1`, which no AHI source writes.
    private static func integer(fromDigits text: String) -> Int? {
        let utf8 = text.utf8
        var digits = utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }
}

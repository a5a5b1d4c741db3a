/// An ordered list of header fields with case-insensitive lookup.
///
/// Order is kept as given because SigV4 canonicalisation and some servers care about it, and duplicates are
/// allowed because HTTP allows them. Lookups ignore case because HTTP field names are case-insensitive and
/// HTTP/2 servers send them in lowercase.
///
/// ```swift
/// var headers: HTTPHeaders = ["Content-Type": "application/json", "X-Amz-Target": "…"]
/// headers.append(name: "x-amz-date", value: stamp)
/// headers["content-type"]  // "application/json"
/// ```
public struct HTTPHeaders: Sendable, Equatable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One header field.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> Field { fields[position] }

    /// The first value of the field called `name`, ignoring case; `nil` when absent.
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Every value of the field called `name`, ignoring case, in order.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Whether a field called `name` is present, ignoring case.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Adds a field at the end, keeping any existing field of the same name.
    public mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field called `name` (ignoring case) with one field at the end.
    public mutating func set(name: String, value: String) {
        remove(name)
        append(name: name, value: value)
    }

    /// Removes every field called `name`, ignoring case.
    public mutating func remove(_ name: String) {
        let key = name.lowercased()
        fields.removeAll { $0.name.lowercased() == key }
    }
}

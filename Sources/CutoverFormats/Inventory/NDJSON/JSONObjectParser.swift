/// Parses one NDJSON line, a flat JSON object, and hands each member to an `InventoryRecordBuilder`.
///
/// A full JSON parser would build a tree of values for every line only to throw it away; this one reads
/// the members in place and decodes a string only when it has escapes. Values of keys the inventory does
/// not use are stepped over whatever their type, nested ones included.
struct JSONObjectParser {
    private var values = JSONStringDecoder()
    private var keys = JSONStringDecoder()
    /// The columns of the previous line's keys, in order: the first guess for this line's keys.
    private var keyOrder: [InventoryColumn?] = []

    /// Parses `line` into `builder`, which the caller has started. `unknownKey` gets every key that is not
    /// an interchange column.
    mutating func parse(
        _ line: UnsafeBufferPointer<UInt8>, into builder: inout InventoryRecordBuilder,
        unknownKey: ((String) -> Void)? = nil
    ) throws(JSONSyntaxError) {
        var cursor = JSONCursor(line)
        cursor.skipWhitespace()
        guard cursor.current == 0x7B else {
            throw cursor.startsOtherValue ? .notAnObject : cursor.error("expected '{'")
        }
        cursor.index += 1
        cursor.skipWhitespace()
        if cursor.current == 0x7D {
            cursor.index += 1
        } else {
            var member = 0
            while true {
                guard cursor.current == 0x22 else { throw cursor.error("expected a key in quotes") }
                let column = try key(&cursor, member: member, unknownKey: unknownKey)
                cursor.skipWhitespace()
                try cursor.expect(0x3A, "expected ':' after a key")
                cursor.skipWhitespace()
                try value(&cursor, column: column, into: &builder)
                cursor.skipWhitespace()
                member += 1
                if cursor.current == 0x2C {
                    cursor.index += 1
                    cursor.skipWhitespace()
                    continue
                }
                try cursor.expect(0x7D, "expected ',' or '}'")
                break
            }
        }
        cursor.skipWhitespace()
        guard cursor.isAtEnd else { throw cursor.error("text after the object") }
    }

    private mutating func key(
        _ cursor: inout JSONCursor, member: Int, unknownKey: ((String) -> Void)?
    ) throws(JSONSyntaxError) -> InventoryColumn? {
        let (range, hasEscapes) = try cursor.scanString()
        guard hasEscapes else { return resolve(cursor.text(range), member: member, unknownKey: unknownKey) }
        try keys.decode(cursor.text(range), column: range.lowerBound + 1)
        let decoded = keys.decoded
        return decoded.withUnsafeBufferPointer { resolve($0, member: member, unknownKey: unknownKey) }
    }

    /// The column a key names, trying the column at the same place in the previous line first.
    private mutating func resolve(
        _ text: UnsafeBufferPointer<UInt8>, member: Int, unknownKey: ((String) -> Void)?
    ) -> InventoryColumn? {
        let column: InventoryColumn?
        if member < keyOrder.count, let guess = keyOrder[member], guess.hasName(text) {
            column = guess
        } else {
            column = InventoryColumn.named(text)
            if member < keyOrder.count {
                keyOrder[member] = column
            } else {
                keyOrder.append(column)
            }
        }
        if column == nil, let unknownKey { unknownKey(String(decoding: text, as: UTF8.self)) }
        return column
    }

    private mutating func value(
        _ cursor: inout JSONCursor, column: InventoryColumn?, into builder: inout InventoryRecordBuilder
    ) throws(JSONSyntaxError) {
        switch cursor.current {
        case 0x22:
            let (range, hasEscapes) = try cursor.scanString()
            guard let column else { return }
            if hasEscapes {
                try values.decode(cursor.text(range), column: range.lowerBound + 1)
                values.decoded.withUnsafeBufferPointer { builder.set(column, text: $0) }
            } else {
                builder.set(column, text: cursor.text(range))
            }
        case 0x2D, 0x30...0x39:
            let range = try cursor.scanNumber()
            if let column { builder.set(column, numberLiteral: cursor.text(range)) }
        case 0x6E:
            try cursor.expectWord("null")
            if let column { builder.setNull(column) }
        case 0x74:
            try cursor.expectWord("true")
            if let column { builder.setWrongType(column) }
        case 0x66:
            try cursor.expectWord("false")
            if let column { builder.setWrongType(column) }
        case 0x7B, 0x5B:
            try cursor.skipNested()
            if let column { builder.setWrongType(column) }
        default:
            throw cursor.error("expected a value")
        }
    }
}

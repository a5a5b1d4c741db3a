import CutoverFormats
import Foundation
import Testing

/// The reference examples (`/work/shared/reference/examples`), copied into the test bundle.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func document(_ name: String) throws -> JSONValue {
        try LenientJSONParser.parseDocument(bytes(name))
    }

    /// The non-empty lines of an NDJSON fixture, each parsed.
    static func lines(_ name: String) throws -> [JSONValue] {
        try bytes(name).split(separator: UInt8(ascii: "\n")).map { line throws -> JSONValue in
            try LenientJSONParser.parseDocument(Array(line))
        }
    }
}

/// Parses a literal JSON text, for table cases.
func json(_ text: String) throws -> JSONValue {
    try LenientJSONParser.parseDocument(Array(text.utf8))
}

import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a `ListObjectsV2` answer (`<ListBucketResult>`): its objects and `NextContinuationToken`.
///
/// Text is gathered across `foundCharacters` calls, because the parser splits text at entities (`&amp;`), so a
/// key such as `a&b <c>.dcm` arrives in pieces.
public enum S3ListObjectsParser {
    public static func parse(_ body: [UInt8]) throws -> (objects: [S3Object], nextToken: String?) {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(body))
        parser.delegate = delegate
        // libxml2 may accept a document cut off mid-way; only a closed root is a whole answer.
        guard parser.parse(), delegate.sawRoot, delegate.closedRoot else {
            throw S3XMLError("the ListObjectsV2 answer is not a ListBucketResult document")
        }
        if let problem = delegate.problem { throw S3XMLError(problem) }
        return (delegate.objects, delegate.truncated ? delegate.nextToken : nil)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var objects: [S3Object] = []
        var nextToken: String?
        var truncated = false
        var sawRoot = false
        var closedRoot = false
        var problem: String?
        private var path: [String] = []
        private var text = ""
        private var current: [String: String] = [:]

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if path.isEmpty { sawRoot = name == "ListBucketResult" }
            path.append(name)
            text = ""
            if path == ["ListBucketResult", "Contents"] { current = [:] }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            text += String(decoding: block, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch path.count {
            case 2 where name == "NextContinuationToken": nextToken = text
            case 2 where name == "IsTruncated": truncated = text == "true"
            case 1: closedRoot = true
            case 2 where name == "Contents": finishObject()
            case 3 where path[1] == "Contents": current[name] = text
            default: break
            }
            path.removeLast()
            text = ""
        }

        private func finishObject() {
            guard let key = current["Key"] else {
                problem = "an object in the ListObjectsV2 answer has no Key"
                return
            }
            guard let size = current["Size"].flatMap({ UInt64($0) }) else {
                problem = "the object \(key) in the ListObjectsV2 answer has no valid Size"
                return
            }
            let etag = current["ETag"].map(S3ListObjectsParser.unquoted) ?? ""
            objects.append(
                S3Object(key: key, size: size, etag: etag, lastModified: current["LastModified"].flatMap(S3Time.parse)))
        }
    }

    /// S3 sends ETags in quotes (`"abc"`, as `&quot;abc&quot;` in XML); the quotes are not part of the value.
    static func unquoted(_ etag: String) -> String {
        var value = Substring(etag)
        if value.hasPrefix("W/") { value = value.dropFirst(2) }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
        return String(value)
    }
}

/// ISO 8601 times as S3 writes them, with or without fractional seconds (`2026-01-01T10:00:00.000Z`).
enum S3Time {
    static func parse(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }
}

/// An S3 answer that is not the XML document it should be.
public struct S3XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

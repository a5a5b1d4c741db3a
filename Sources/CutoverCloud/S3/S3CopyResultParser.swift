import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the ETag from a `CopyObject` answer (`<CopyObjectResult><ETag>"…"</ETag>…`).
enum S3CopyResultParser {
    static func etag(_ body: [UInt8]) -> String? {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(body))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.etag.map(S3ListObjectsParser.unquoted)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var etag: String?
        private var depth = 0
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            depth += 1
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depth == 2, name == "ETag" { etag = text }
            depth -= 1
            text = ""
        }
    }
}

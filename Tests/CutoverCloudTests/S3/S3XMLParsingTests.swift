import Foundation
import Testing

@testable import CutoverCloud

/// `ListObjectsV2` answers and S3 error documents, read with Foundation's `XMLParser`.
@Suite struct S3XMLParsingTests {
    struct ListCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The `<Key>` as it appears in the XML (escaped).
        var xmlKey: String
        var key: String
        var testDescription: String { name }
    }

    static let keyCases: [ListCase] = [
        .init(name: "plain", xmlKey: "out/job/SUCCESS/success.ndjson", key: "out/job/SUCCESS/success.ndjson"),
        .init(name: "ampersand", xmlKey: "in/a&amp;b.dcm", key: "in/a&b.dcm"),
        .init(name: "angle brackets and quotes", xmlKey: "in/&lt;x&gt; &quot;y&quot; &apos;z&apos;.dcm",
              key: "in/<x> \"y\" 'z'.dcm"),
        .init(name: "spaces kept", xmlKey: "  in/a  b .dcm ", key: "  in/a  b .dcm "),
        .init(name: "unicode", xmlKey: "patienten/Müller/ひらがな/🩻.dcm", key: "patienten/Müller/ひらがな/🩻.dcm"),
        .init(name: "numeric character reference", xmlKey: "in/caf&#233;&#x2B;.dcm", key: "in/café+.dcm"),
        .init(name: "plus and percent stay literal", xmlKey: "in/a+b%20c.dcm", key: "in/a+b%20c.dcm"),
        .init(name: "CDATA", xmlKey: "<![CDATA[in/<raw>&.dcm]]>", key: "in/<raw>&.dcm"),
    ]

    static func listing(_ contents: String, truncated: Bool = false, token: String? = nil) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>pacs</Name><Prefix>in/</Prefix>\
            <KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>\(truncated)</IsTruncated>\(contents)\
            \(token.map { "<NextContinuationToken>\($0)</NextContinuationToken>" } ?? "")</ListBucketResult>
            """.utf8)
    }

    static func contents(key: String, size: Int = 12, etag: String = "&quot;9b2cf535f27731c974343645a3985328&quot;")
        -> String
    {
        "<Contents><Key>\(key)</Key><LastModified>2026-01-01T10:00:00.000Z</LastModified><ETag>\(etag)</ETag>"
            + "<Size>\(size)</Size><Owner><ID>abc</ID></Owner><StorageClass>STANDARD</StorageClass></Contents>"
    }

    @Test(arguments: keyCases)
    func keysArriveExactlyAsStored(_ c: ListCase) throws {
        let page = try S3ListObjectsParser.parse(Self.listing(Self.contents(key: c.xmlKey)))
        #expect(page.objects.map(\.key) == [c.key])
        #expect(page.nextToken == nil)
    }

    @Test func objectFieldsAreRead() throws {
        let page = try S3ListObjectsParser.parse(
            Self.listing(Self.contents(key: "a", size: 5_000_000_000) + Self.contents(key: "b", etag: "\"abc-3\"")))
        #expect(page.objects == [
            S3Object(key: "a", size: 5_000_000_000, etag: "9b2cf535f27731c974343645a3985328",
                     lastModified: Date(timeIntervalSince1970: 1_767_261_600)),
            S3Object(key: "b", size: 12, etag: "abc-3", lastModified: Date(timeIntervalSince1970: 1_767_261_600)),
        ])
    }

    @Test func continuationTokenOnlyWhenTruncated() throws {
        let token = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="
        let more = try S3ListObjectsParser.parse(Self.listing(Self.contents(key: "a"), truncated: true, token: token))
        #expect(more.nextToken == token)
        let last = try S3ListObjectsParser.parse(Self.listing(Self.contents(key: "a"), truncated: false, token: token))
        #expect(last.nextToken == nil)
    }

    @Test func emptyPrefixListsNothing() throws {
        let page = try S3ListObjectsParser.parse(Self.listing(""))
        #expect(page.objects.isEmpty)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(name: "not XML", body: "{\"message\":\"nope\"}"),
        BadCase(name: "another document", body: "<Error><Code>NoSuchBucket</Code></Error>"),
        BadCase(name: "cut off", body: "<ListBucketResult><Contents><Key>a</Key>"),
        BadCase(name: "size missing", body: "<ListBucketResult><Contents><Key>a</Key></Contents></ListBucketResult>"),
    ])
    func malformedListingsAreErrors(_ c: BadCase) {
        #expect(throws: S3XMLError.self) { try S3ListObjectsParser.parse(Array(c.body.utf8)) }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var body: String
        var code: String
        var message: String
        var retryable: Bool
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        .init(
            name: "unknown access key", status: 403,
            body: """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist \
                in our records.</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><RequestId>4442587FB7D0A2F9\
                </RequestId></Error>
                """,
            code: "InvalidAccessKeyId",
            message: "The AWS Access Key Id you provided does not exist in our records.", retryable: false),
        .init(
            name: "signature details are not kept", status: 403,
            body: "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not "
                + "match</Message><StringToSign>AWS4-HMAC-SHA256&#10;secret-ish</StringToSign>"
                + "<CanonicalRequest>GET</CanonicalRequest></Error>",
            code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match",
            retryable: false),
        .init(
            name: "escaped message", status: 404,
            body: "<Error><Code>NoSuchKey</Code><Message>No &lt;key&gt; &amp; no luck</Message>"
                + "<Key>a&amp;b</Key></Error>",
            code: "NoSuchKey", message: "No <key> & no luck", retryable: false),
        .init(
            name: "throttled", status: 503, body: "<Error><Code>SlowDown</Code><Message>Reduce your request rate."
                + "</Message></Error>", code: "SlowDown", message: "Reduce your request rate.", retryable: true),
        .init(name: "no body (HEAD)", status: 404, body: "", code: "NotFound", message: "", retryable: false),
        .init(
            name: "proxy HTML page", status: 502, body: "<html><body>Bad Gateway</body></html>",
            code: "UnknownError", message: "", retryable: true),
        .init(name: "forbidden without a document", status: 403, body: "denied", code: "Forbidden", message: "",
              retryable: false),
    ]

    @Test(arguments: errorCases)
    func errorDocuments(_ c: ErrorCase) {
        let error = S3ErrorDocument.error(operation: "GetObject", status: c.status, body: Array(c.body.utf8))
        #expect(error == AWSServiceError(operation: "GetObject", status: c.status, code: c.code, message: c.message))
        #expect(error.isRetryable == c.retryable)
    }

    @Test func credentialErrorsSayWhatToCheckInOneSentence() {
        let error = S3ErrorDocument.error(
            operation: "ListObjectsV2", status: 403,
            body: Array("<Error><Code>InvalidAccessKeyId</Code><Message>Not in our records.</Message></Error>".utf8))
        #expect(
            error.description
                == "ListObjectsV2 was refused: InvalidAccessKeyId (HTTP 403): Not in our records; check the AWS "
                + "credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID) and the clock")
    }

    @Test func copyResultETag() {
        let body = "<CopyObjectResult><LastModified>2026-01-01T10:00:00.000Z</LastModified>"
            + "<ETag>&quot;9b2cf535&quot;</ETag></CopyObjectResult>"
        #expect(S3CopyResultParser.etag(Array(body.utf8)) == "9b2cf535")
    }
}

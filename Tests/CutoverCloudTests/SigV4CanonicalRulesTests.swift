import Foundation
import Testing

@testable import CutoverCloud

/// Each SigV4 canonicalisation rule on its own, with named cases.
@Suite struct SigV4CanonicalRulesTests {
    @Test(arguments: [
        ("unreserved kept", "AZaz09-_.~", "AZaz09-_.~"),
        ("space is %20", "a b", "a%20b"),
        ("slash encoded", "a/b", "a%2Fb"),
        ("plus and star", "+*", "%2B%2A"),
        ("percent encoded again", "%20", "%2520"),
        ("uppercase hex for UTF-8", "é🙂", "%C3%A9%F0%9F%99%82"),
    ])
    func componentEncoding(_ name: String, _ input: String, _ expected: String) {
        #expect(URIEncoding.component(input) == expected, Comment(rawValue: name))
    }

    @Test func pathEncodingKeepsSlashes() {
        #expect(URIEncoding.path("/bucket/a b/c+d") == "/bucket/a%20b/c%2Bd")
    }

    @Test func queryIsSortedByEncodedKeyThenValueWithEmptyValuesKept() {
        let query: [SigningRequest.QueryItem] = [
            .init("b", "2"), .init("a", "z"), .init("a", "a"), .init("a"), .init("a-b", "1"), .init("Z", " "),
        ]
        #expect(CanonicalRequest.canonicalQuery(query) == "Z=%20&a=&a=a&a=z&a-b=1&b=2")
    }

    @Test(arguments: [
        ("empty is root", "", "/"),
        ("root", "/", "/"),
        ("dot segments", "/a/./b/../c", "/a/c"),
        ("double slashes", "/a//b", "/a/b"),
        ("trailing slash kept", "/a/b/", "/a/b/"),
        ("parent of root", "/../a", "/a"),
    ])
    func nonS3PathNormalisation(_ name: String, _ input: String, _ expected: String) {
        #expect(CanonicalRequest.removingDotSegments(input) == expected, Comment(rawValue: name))
    }

    @Test func nonS3PathIsEncodedTwiceS3PathOnce() {
        #expect(CanonicalRequest.doubleEncodedURI("/a%20b/c") == "/a%2520b/c")
        #expect(CanonicalRequest.s3URI("/bucket/a%20b//./c") == "/bucket/a%20b//./c")
    }

    @Test func headerValuesAreTrimmedAndRepeatedHeadersJoinedWithComma() {
        let request = SigningRequest(
            method: "GET", host: "h", path: "/",
            headers: [
                .init("X-Amz-Meta-A", "  one   two "), .init("x-amz-meta-a", "three"),
                .init("Content-Type", "\ttext/plain\t"),
            ])
        let headers = CanonicalRequest.canonicalHeaders(request: request, signerHeaders: [])
        #expect(headers.map(\.name) == ["content-type", "host", "x-amz-meta-a"])
        #expect(headers.map(\.value) == ["text/plain", "h", "one two,three"])
    }

    @Test func userAgentHopByHopAndOtherHeadersAreNotSigned() {
        let request = SigningRequest(
            method: "GET", host: "h", path: "/",
            headers: [
                .init("User-Agent", "cutover"), .init("Connection", "keep-alive"), .init("Accept", "*/*"),
                .init("Content-Length", "0"), .init("X-Amzn-Trace-Id", "Root=1"), .init("Transfer-Encoding", "x"),
            ])
        #expect(CanonicalRequest.canonicalHeaders(request: request, signerHeaders: []).map(\.name) == ["host"])
    }

    @Test func signerReplacesStaleSigningHeadersFromTheCaller() {
        let request = SigningRequest(
            method: "GET", host: "h", path: "/",
            headers: [.init("X-Amz-Date", "19990101T000000Z"), .init("Authorization", "old")])
        let signature = SigV4Signer(
            credentials: Credentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            service: .medicalImaging
        ).sign(request, epochSeconds: 0)
        #expect(signature.canonicalRequest.contains("x-amz-date:19700101T000000Z\n"))
        #expect(!signature.canonicalRequest.contains("19990101"))
        #expect(signature.signedHeaders == "host;x-amz-date")
    }

    @Test func s3SendsAndSignsThePayloadHashMedicalImagingDoesNot() {
        let credentials = Credentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token")
        let request = SigningRequest(method: "PUT", host: "h", path: "/b/k", body: Array("hello".utf8))
        let helloHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

        let s3 = SigV4Signer(credentials: credentials, region: "us-east-1", service: .s3).sign(request, epochSeconds: 0)
        #expect(
            s3.headers.map(\.name) == ["x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "authorization"])
        #expect(s3.signedHeaders == "host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        #expect(s3.canonicalRequest.hasSuffix("\n" + helloHash))

        let ahi = SigV4Signer(credentials: credentials, region: "us-east-1", service: .medicalImaging)
            .sign(request, epochSeconds: 0)
        #expect(ahi.headers.map(\.name) == ["x-amz-date", "x-amz-security-token", "authorization"])
        #expect(ahi.canonicalRequest.hasSuffix("\n" + helloHash))
    }

    @Test(arguments: [
        ("https default port dropped", "https", 443, "s3.us-east-1.amazonaws.com"),
        ("http default port dropped", "http", 80, "s3.us-east-1.amazonaws.com"),
        ("non-default port kept", "http", 5000, "s3.us-east-1.amazonaws.com:5000"),
        ("https on 80 keeps it", "https", 80, "s3.us-east-1.amazonaws.com:80"),
    ])
    func hostHeaderKeepsOnlyNonDefaultPorts(_ name: String, _ scheme: String, _ port: Int, _ expected: String) {
        let request = SigningRequest(method: "GET", scheme: scheme, host: "S3.us-east-1.amazonaws.com", port: port)
        #expect(request.hostHeader == expected, Comment(rawValue: name))
    }

    @Test func hostHeaderBracketsIPv6AndUrlCarriesTheSignedQuery() {
        let request = SigningRequest(
            method: "GET", scheme: "http", host: "::1", port: 5000, path: "/b",
            query: [.init("prefix", "a b/"), .init("list-type", "2")])
        #expect(request.hostHeader == "[::1]:5000")
        #expect(request.url == "http://[::1]:5000/b?list-type=2&prefix=a%20b%2F")
    }

    @Test(arguments: [
        ("epoch", Int64(0), "19700101T000000Z"),
        ("reference time", Int64(1_440_938_160), "20150830T123600Z"),
        ("leap day", Int64(1_709_251_199), "20240229T235959Z"),
        ("year 2100 is not leap", Int64(4_107_542_400), "21000301T000000Z"),
        ("before epoch", Int64(-1), "19691231T235959Z"),
    ])
    func timestampsAreUTCWithoutAFormatter(_ name: String, _ seconds: Int64, _ expected: String) {
        #expect(SigV4Timestamp(epochSeconds: seconds).amzDate == expected, Comment(rawValue: name))
    }

    @Test func dateAndEpochSecondsSignTheSame() {
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "eu-west-1",
            service: .medicalImaging)
        let request = SigningRequest(method: "GET", host: "h")
        #expect(
            signer.sign(request, at: Date(timeIntervalSince1970: 1_440_938_160.9))
                == signer.sign(request, epochSeconds: 1_440_938_160))
    }

    @Test func signatureDescriptionHidesTokenAndAuthorization() {
        let signature = SigV4Signer(
            credentials: Credentials(accessKeyID: "AKIDSECRETLOOKING", secretAccessKey: "s", sessionToken: "TOKEN123"),
            region: "us-east-1", service: .s3
        ).sign(SigningRequest(method: "GET", host: "h"), epochSeconds: 0)
        #expect(!"\(signature)".contains("TOKEN123"))
        #expect(!"\(signature)".contains("AKIDSECRETLOOKING"))
    }
}

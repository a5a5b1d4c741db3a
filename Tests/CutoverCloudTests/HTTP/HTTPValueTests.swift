import CutoverCloud
import Testing

/// The request and response values behave as HTTP says: ordered, case-insensitive headers; inclusive ranges.
@Suite struct HTTPValueTests {
    @Test func headersKeepOrderAndLookUpIgnoringCase() {
        var headers: HTTPHeaders = ["B": "1", "a": "2"]
        headers.append(name: "Set-Cookie", value: "x")
        headers.append(name: "set-cookie", value: "y")
        #expect(headers.map(\.name) == ["B", "a", "Set-Cookie", "set-cookie"])
        #expect(headers["b"] == "1")
        #expect(headers["A"] == "2")
        #expect(headers.values(for: "SET-COOKIE") == ["x", "y"])
        #expect(headers["missing"] == nil)
        headers.set(name: "Set-Cookie", value: "z")
        #expect(headers.values(for: "set-cookie") == ["z"])
        headers.remove("b")
        #expect(headers.map(\.name) == ["a", "Set-Cookie"])
    }

    @Test func byteRangesAreInclusive() {
        #expect(HTTPByteRange(0...99).headerValue == "bytes=0-99")
        #expect(HTTPByteRange(0..<100).headerValue == "bytes=0-99")
        #expect(HTTPByteRange(from: 1_000).headerValue == "bytes=1000-")
    }

    @Test func errorsReadAsOneSentence() {
        let errors: [HTTPError] = [
            .couldNotResolve(host: "h"), .couldNotConnect(endpoint: "h:1"), .timedOut(host: "h", after: .seconds(30)),
            .timedOut(host: "h", after: .milliseconds(1500)), .tlsVerificationFailed(host: "h", detail: "d"),
            .connectionLost(host: "h"), .failed(host: "h", curlCode: 99, reason: "r"),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.contains("\n"))
        }
        #expect(HTTPError.timedOut(host: "h", after: .milliseconds(1500)).description.contains("1.5 s"))
    }
}

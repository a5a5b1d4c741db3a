import CutoverCloud
import Foundation
import Testing

/// A QIDO-RS server in memory: answers each listing from `items`, honouring `limit` and `offset` unless told not
/// to, and records every request.
final class FakeQIDOServer: HTTPClient {
    var items: [String: [String]]
    var honoursLimit = true
    var honoursOffset = true
    var status = 200
    var body: [UInt8]?
    /// Statuses answered, one per request, before the listing itself: a burst of server errors.
    var failures: [Int] = []
    private(set) var requests: [HTTPRequest] = []

    init(items: [String: [String]]) { self.items = items }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        requests.append(request)
        if !failures.isEmpty { return HTTPResponse(status: failures.removeFirst(), headers: [:], body: []) }
        if let body { return HTTPResponse(status: status, headers: [:], body: body) }
        let parts = request.url.split(separator: "?", maxSplits: 1).map(String.init)
        let path = String(parts[0].dropFirst("http://pacs/dicom-web".count))
        var query: [String: Int] = [:]
        for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2, let number = Int(kv[1]) { query[kv[0]] = number }
        }
        guard let all = items[path] else { return HTTPResponse(status: 404, headers: [:], body: []) }
        let offset = honoursOffset ? min(query["offset"] ?? 0, all.count) : 0
        var page = Array(all[offset...])
        if honoursLimit, let limit = query["limit"] { page = Array(page.prefix(limit)) }
        if page.isEmpty { return HTTPResponse(status: 204, headers: [:], body: []) }
        let tag = path.hasSuffix("/instances") ? "00080018" : path.hasSuffix("/series") ? "0020000E" : "0020000D"
        let json = "[" + page.map { #"{"\#(tag)": {"vr": "UI", "Value": ["\#($0)"]}}"# }.joined(separator: ",") + "]"
        return HTTPResponse(status: status, headers: ["Content-Type": "application/dicom+json"], body: Array(json.utf8))
    }

    func download(_ request: HTTPRequest, to sink: (UnsafeRawBufferPointer) throws -> Void) throws -> HTTPResponseHead {
        fatalError("QIDO-RS uses send")
    }
}

@Suite struct DICOMwebClientTests {
    static let studies = (1...7).map { "1.2.\($0)" }

    func client(_ server: FakeQIDOServer, pageSize: Int = 3, auth: DICOMwebAuthorization = .none) throws
        -> DICOMwebClient
    {
        try DICOMwebClient(
            baseURL: "http://pacs/dicom-web/", http: server, authorization: auth, pageSize: pageSize,
            sleep: { _ in }, random: { 0.5 })
    }

    @Test func serverErrorsAndThrottlingAreRetriedWithinTheBudget() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        server.failures = [503, 500, 429]
        let pacs = try client(server, pageSize: 10)
        #expect(try pacs.studies().map(\.studyInstanceUID) == Self.studies)
        #expect(pacs.retries == 3)
        #expect(server.requests.count == 4)
    }

    @Test func aBurstLongerThanTheBudgetNamesTheLastStatus() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        server.failures = Array(repeating: 503, count: 5)
        #expect(throws: DICOMwebError.status(host: "pacs:80", path: "/studies", status: 503)) {
            try client(server).studies()
        }
        #expect(server.requests.count == 5)
    }

    @Test(arguments: [
        ("pages of 3 over 7", 3, 3), ("pages of 7: a full page, then an empty one", 7, 2),
        ("one page larger than the listing", 100, 1), ("pages of 1", 1, 8),
    ])
    func pagesUntilAPageIsShort(_ name: String, _ pageSize: Int, _ requests: Int) throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        let studies = try client(server, pageSize: pageSize).studies()
        #expect(studies.map(\.studyInstanceUID) == Self.studies, "\(name)")
        #expect(server.requests.count == requests, "\(name)")
    }

    @Test func asksWithLimitOffsetAndTheDICOMJSONMediaType() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        _ = try client(server).studies()
        let urls = server.requests.map { $0.url.split(separator: "&").prefix(2).joined(separator: "&") }
        #expect(
            urls == [
                "http://pacs/dicom-web/studies?limit=3&offset=0", "http://pacs/dicom-web/studies?limit=3&offset=3",
                "http://pacs/dicom-web/studies?limit=3&offset=6",
            ])
        #expect(server.requests.allSatisfy { $0.headers["Accept"] == "application/dicom+json" })
        #expect(server.requests.allSatisfy { $0.headers["Authorization"] == nil })
    }

    @Test func aServerThatIgnoresLimitIsReadInOneRequest() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        server.honoursLimit = false
        #expect(try client(server).studies().count == 7)
        #expect(server.requests.count == 1)
    }

    @Test func aServerThatIgnoresOffsetCannotMakeTheWalkLoop() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        server.honoursOffset = false
        #expect(try client(server).studies().map(\.studyInstanceUID) == Array(Self.studies.prefix(3)))
        #expect(server.requests.count == 2)
    }

    @Test func aMaximumStopsTheListing() throws {
        let server = FakeQIDOServer(items: ["/studies": Self.studies])
        #expect(try client(server).studies(maximum: 4).map(\.studyInstanceUID) == Array(Self.studies.prefix(4)))
        #expect(server.requests.count == 2)
    }

    @Test func seriesAndInstancesAreListedUnderTheirStudy() throws {
        let server = FakeQIDOServer(items: [
            "/studies/1.2.1/series": ["1.2.1.1", "1.2.1.2"],
            "/studies/1.2.1/series/1.2.1.2/instances": ["1.2.1.2.1", "1.2.1.2.2", "1.2.1.2.3", "1.2.1.2.4"],
        ])
        let pacs = try client(server)
        #expect(try pacs.series(ofStudy: "1.2.1").map(\.seriesInstanceUID) == ["1.2.1.1", "1.2.1.2"])
        #expect(try pacs.instances(ofStudy: "1.2.1", series: "1.2.1.2").count == 4)
    }

    @Test(arguments: [
        ("basic", DICOMwebAuthorization.basic(user: "u", password: "pw-secret"), "Basic dTpwdy1zZWNyZXQ="),
        ("bearer", .bearer(token: "t0k"), "Bearer t0k"),
    ])
    func credentialsGoInTheAuthorizationHeaderOnly(_ name: String, _ auth: DICOMwebAuthorization, _ header: String)
        throws
    {
        let server = FakeQIDOServer(items: ["/studies": []])
        _ = try client(server, auth: auth).studies()
        #expect(server.requests.first?.headers["Authorization"] == header, "\(name)")
        #expect(!auth.description.contains("pw-secret") && !auth.description.contains("t0k"), "\(name)")
    }

    @Test(arguments: [
        ("401", 401, Array("{}".utf8), DICOMwebError.unauthorized(host: "pacs:80", status: 401)),
        ("500", 500, [], .status(host: "pacs:80", path: "/studies", status: 500)),
        (
            "an object", 200, Array(#"{"error": 1}"#.utf8),
            .notDICOMJSON(host: "pacs:80", path: "/studies", reason: "expected a JSON array of data sets")
        ),
        (
            "strings", 200, Array(#"["1.2.3"]"#.utf8),
            .notDICOMJSON(host: "pacs:80", path: "/studies", reason: "an element of the array is not an object")
        ),
    ] as [(String, Int, [UInt8], DICOMwebError)])
    func badAnswersAreTypedErrors(_ name: String, _ status: Int, _ body: [UInt8], _ expected: DICOMwebError) throws {
        let server = FakeQIDOServer(items: [:])
        server.status = status
        server.body = body
        #expect(throws: expected, "\(name)") { try client(server).studies() }
    }

    @Test func htmlIsNotDICOMJSON() throws {
        let server = FakeQIDOServer(items: [:])
        server.body = Array("<html>".utf8)
        #expect {
            try client(server).studies()
        } throws: { error in
            guard case .notDICOMJSON(_, _, let reason) = error as? DICOMwebError else { return false }
            return reason.hasPrefix("not JSON")
        }
    }

    @Test(arguments: ["pacs/dicom-web", "ftp://pacs/dicom-web", "http://pacs/dicom-web?x=1"])
    func aBaseURLMustBeAnAbsoluteHTTPURL(_ url: String) {
        #expect(throws: DICOMwebError.invalidBaseURL(url)) {
            try DICOMwebClient(baseURL: url, http: FakeQIDOServer(items: [:]))
        }
    }

    @Test func credentialsInTheURLAreRefusedWithoutEchoingThem() {
        #expect(throws: DICOMwebError.credentialsInURL(host: "pacs:80")) {
            try DICOMwebClient(baseURL: "http://u:secret@pacs/dicom-web", http: FakeQIDOServer(items: [:]))
        }
        #expect(!DICOMwebError.credentialsInURL(host: "pacs:80").description.contains("secret"))
    }
}

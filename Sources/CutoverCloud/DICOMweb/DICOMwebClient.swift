import CutoverFormats
import Foundation

/// Lists studies, series and instances of a PACS over DICOMweb QIDO-RS (PS3.18 §10.6), page by page.
///
/// ```swift
/// let pacs = try DICOMwebClient(baseURL: "http://pacs:8042/dicom-web", http: CurlHTTPClient())
/// for study in try pacs.studies() {
///     let series = try pacs.series(ofStudy: study.studyInstanceUID)
/// }
/// ```
///
/// Paging asks with `limit` and `offset` and keeps asking while a page comes back full. A server that ignores
/// `limit` (a page longer than asked) is taken to have sent everything; one that ignores `offset` (a page with
/// nothing new) ends the listing too, so a misbehaving server cannot make the walk loop.
///
/// Server errors (5xx), throttling (429) and transient network failures are retried with the same jittered
/// backoff as the AWS clients (`RetryPolicy`); the last attempt's failure is thrown.
///
/// Not `Sendable`: it holds one `HTTPClient` (one libcurl handle); use one client per thread.
public final class DICOMwebClient {
    /// The DICOMweb root without a trailing slash, e.g. `http://pacs:8042/dicom-web`.
    public let baseURL: String
    public let pageSize: Int
    let http: HTTPClient
    let authorization: DICOMwebAuthorization
    let timeout: Duration
    let host: String
    let retry: RetryPolicy
    let sleep: (Double) -> Void
    let random: () -> Double
    /// Requests sent so far, retries included.
    public private(set) var requests = 0
    /// Pauses taken after server errors, throttling or network failures.
    public private(set) var retries = 0

    public init(
        baseURL: String, http: HTTPClient, authorization: DICOMwebAuthorization = .none, pageSize: Int = 100,
        timeout: Duration = .seconds(60), retry: RetryPolicy = RetryPolicy(),
        sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        random: @escaping () -> Double = { Double.random(in: 0..<1) }
    ) throws(DICOMwebError) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let endpoint = try? HTTPEndpoint(parsing: base), !base.contains("?") else {
            throw .invalidBaseURL(baseURL)
        }
        // The URL is stored and printed: a password in it would leak there.
        let authority = base.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
        if authority.contains("@") { throw .credentialsInURL(host: endpoint.hostAndPort) }
        self.baseURL = base
        self.http = http
        self.authorization = authorization
        self.pageSize = max(1, pageSize)
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self.random = random
        host = endpoint.hostAndPort
    }

    /// `GET /studies`: every study, or the first `maximum` of them.
    public func studies(maximum: Int? = nil) throws(DICOMwebError) -> [QIDOStudy] {
        try list(
            "/studies", fields: [.numberOfStudyRelatedSeries, .numberOfStudyRelatedInstances], maximum: maximum,
            parse: QIDOStudy.init, uid: \.studyInstanceUID)
    }

    /// `GET /studies/{study}/series`.
    public func series(ofStudy study: String) throws(DICOMwebError) -> [QIDOSeries] {
        try list(
            "/studies/\(URIEncoding.component(study))/series", fields: [.numberOfSeriesRelatedInstances],
            parse: QIDOSeries.init, uid: \.seriesInstanceUID)
    }

    /// `GET /studies/{study}/series/{series}/instances`.
    public func instances(ofStudy study: String, series: String) throws(DICOMwebError) -> [QIDOInstance] {
        try list(
            "/studies/\(URIEncoding.component(study))/series/\(URIEncoding.component(series))/instances",
            fields: [], parse: QIDOInstance.init, uid: \.sopInstanceUID)
    }

    /// Every page of one listing, without repeats.
    func list<T>(
        _ path: String, fields: [DICOMTag], maximum: Int? = nil, parse: (DICOMJSONDataset) -> T?,
        uid: (T) -> String
    ) throws(DICOMwebError) -> [T] {
        var results: [T] = []
        var seen: Set<String> = []
        var offset = 0
        while maximum.map({ results.count < $0 }) ?? true {
            let page = try fetchPage(path, fields: fields, offset: offset)
            var added = 0
            for dataset in page {
                guard let item = parse(dataset), seen.insert(uid(item)).inserted else { continue }
                results.append(item)
                added += 1
            }
            if page.count != pageSize || added == 0 { break }
            offset += page.count
        }
        if let maximum, results.count > maximum { results.removeLast(results.count - maximum) }
        return results
    }

    /// One page: the data sets of the JSON array the server answered (204 and an empty body mean none).
    func fetchPage(_ path: String, fields: [DICOMTag], offset: Int) throws(DICOMwebError) -> [DICOMJSONDataset] {
        var query = ["limit=\(pageSize)", "offset=\(offset)"]
        query += fields.map { "includefield=\($0.key)" }
        var headers: HTTPHeaders = ["Accept": "application/dicom+json"]
        if let value = authorization.headerValue { headers.append(name: "Authorization", value: value) }
        let request = HTTPRequest(
            .get, baseURL + path + "?" + query.joined(separator: "&"), headers: headers, timeout: timeout,
            decodeContentEncoding: true)
        let response = try send(request, path: path)
        if response.status == 204 || response.body.allSatisfy(Self.isWhitespace) { return [] }
        let json: JSONValue
        do { json = try LenientJSONParser.parseDocument(response.body) } catch {
            throw .notDICOMJSON(host: host, path: path, reason: "not JSON: \(error.reason)")
        }
        guard let elements = json.array else {
            throw .notDICOMJSON(host: host, path: path, reason: "expected a JSON array of data sets")
        }
        var datasets: [DICOMJSONDataset] = []
        datasets.reserveCapacity(elements.count)
        for element in elements {
            guard let dataset = DICOMJSONDataset(element) else {
                throw .notDICOMJSON(host: host, path: path, reason: "an element of the array is not an object")
            }
            datasets.append(dataset)
        }
        return datasets
    }

    /// Sends until a 2xx, an answer not worth retrying, or the last attempt.
    private func send(_ request: HTTPRequest, path: String) throws(DICOMwebError) -> HTTPResponse {
        var attempt = 0
        while true {
            requests += 1
            let failure: DICOMwebError
            do {
                let response = try http.send(request)
                switch response.status {
                case 200..<300: return response
                case 401, 403: throw DICOMwebError.unauthorized(host: host, status: response.status)
                case 429, 500...: failure = .status(host: host, path: path, status: response.status)
                default: throw DICOMwebError.status(host: host, path: path, status: response.status)
                }
            } catch let error as DICOMwebError {
                throw error
            } catch let error as HTTPError {
                guard SignedSender.isTransient(error) else { throw .unreachable(error) }
                failure = .unreachable(error)
            } catch {
                throw .unreachable(.failed(host: host, curlCode: -1, reason: "\(error)"))
            }
            guard attempt + 1 < retry.attempts else { throw failure }
            sleep(retry.delay(retry: attempt, random: random()))
            retries += 1
            attempt += 1
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

import CutoverCore
import CutoverFormats
import Foundation

/// The HealthImaging operations cutover uses, typed after the botocore model (`medical-imaging` 2023-07-19):
/// signed with SigV4, retried with backoff on throttling, 5xx and dropped connections.
///
/// Not `Sendable`: it holds one `HTTPClient` (one libcurl handle); use one client per thread.
public final class AHIClient {
    let sender: SignedSender
    let control: Endpoint
    let runtime: Endpoint
    /// Retries made so far (throttling, server errors, network): the poll health shows them.
    public var retries: Int { sender.retries }

    public init(
        http: HTTPClient, credentials: Credentials, region: String, environment: [String: String],
        retry: RetryPolicy = RetryPolicy(), clock: @escaping () -> Date = Date.init,
        sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        random: @escaping () -> Double = { Double.random(in: 0..<1) }, timeout: Duration = .seconds(30)
    ) throws {
        sender = SignedSender(
            http: http, signer: SigV4Signer(credentials: credentials, region: region, service: .medicalImaging),
            retry: retry, clock: clock, sleep: sleep, random: random, timeout: timeout)
        control = try EndpointResolver.resolve(.medicalImaging, region: region, environment: environment)
        runtime = try EndpointResolver.resolve(.medicalImagingRuntime, region: region, environment: environment)
    }

    /// One page of `ListDICOMImportJobs`: its jobs and the token for the next page (nil on the last).
    public func listImportJobs(
        datastoreId: String, status: String? = nil, maxResults: Int = 50, nextToken: String? = nil
    ) throws -> (jobs: [ImportJobObservation], nextToken: String?) {
        var query = [SigningRequest.QueryItem("maxResults", String(maxResults))]
        if let status { query.append(.init("jobStatus", status)) }
        if let nextToken { query.append(.init("nextToken", nextToken)) }
        let body = try call(
            "ListDICOMImportJobs", control, method: "GET",
            path: "/listDICOMImportJobs/datastore/\(URIEncoding.component(datastoreId))", query: query)
        return try decode("ListDICOMImportJobs", control, body) { try JobResponseDecoder.decodeList($0) }
    }

    /// `GetDICOMImportJob`: the job's full properties, input and output locations included.
    public func importJob(datastoreId: String, jobId: String) throws -> ImportJobObservation {
        let body = try call(
            "GetDICOMImportJob", control, method: "GET",
            path: "/getDICOMImportJob/datastore/\(URIEncoding.component(datastoreId))/job/\(URIEncoding.component(jobId))")
        return try decode("GetDICOMImportJob", control, body) { try JobResponseDecoder.decodeJob($0) }
    }

    /// `GetImageSet`: the image set's current version and whether it is primary.
    public func imageSet(datastoreId: String, imageSetId: String) throws -> (versionId: String?, isPrimary: Bool?) {
        let body = try call(
            "GetImageSet", runtime, method: "POST",
            path: "/datastore/\(URIEncoding.component(datastoreId))/imageSet/\(URIEncoding.component(imageSetId))/getImageSet")
        return try decode("GetImageSet", runtime, body) { value in
            guard case .object = value else { throw FormatError("a GetImageSet response must be a JSON object") }
            var primary: Bool?
            if case .bool(let flag)? = value["isPrimary"] { primary = flag }
            return (value["versionId"]?.string, primary)
        }
    }

    /// `GetImageSetMetadata`: the image set's metadata JSON, gunzipped (the service sends it gzip-encoded).
    public func imageSetMetadata(datastoreId: String, imageSetId: String, version: String? = nil) throws -> [UInt8] {
        try call(
            "GetImageSetMetadata", runtime, method: "POST",
            path: "/datastore/\(URIEncoding.component(datastoreId))/imageSet/\(URIEncoding.component(imageSetId))/getImageSetMetadata",
            query: version.map { [.init("version", $0)] } ?? [], decodeContentEncoding: true)
    }

    /// `GetImageSetMetadata` parsed: a body that does not parse (cut short, say) is an error naming the endpoint.
    public func imageSetMetadataDocument(datastoreId: String, imageSetId: String, version: String? = nil) throws
        -> JSONValue
    {
        let body = try imageSetMetadata(datastoreId: datastoreId, imageSetId: imageSetId, version: version)
        return try decode("GetImageSetMetadata", runtime, body) { $0 }
    }

    /// `StartDICOMImportJob` with an idempotent `clientToken`: the same token never starts a second job.
    public func startImportJob(
        datastoreId: String, jobName: String, dataAccessRoleArn: String, clientToken: String, inputS3Uri: String,
        outputS3Uri: String
    ) throws -> String {
        let request: [String: String] = [
            "jobName": jobName, "dataAccessRoleArn": dataAccessRoleArn, "clientToken": clientToken,
            "inputS3Uri": inputS3Uri, "outputS3Uri": outputS3Uri,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = try call(
            "StartDICOMImportJob", control, method: "POST",
            path: "/startDICOMImportJob/datastore/\(URIEncoding.component(datastoreId))",
            body: Array(try encoder.encode(request)))
        return try decode("StartDICOMImportJob", control, body) { value in
            guard let jobId = value["jobId"]?.string, !jobId.isEmpty else {
                throw FormatError("the StartDICOMImportJob response has no jobId")
            }
            return jobId
        }
    }

    // MARK: - Transport

    private func call(
        _ operation: String, _ endpoint: Endpoint, method: String, path: String,
        query: [SigningRequest.QueryItem] = [], body: [UInt8] = [], decodeContentEncoding: Bool = false
    ) throws -> [UInt8] {
        let headers = body.isEmpty ? [] : [SigningRequest.Header("content-type", "application/json")]
        let unsigned = endpoint.request(method: method, path: path, query: query, headers: headers, body: body)
        return try sender.send(
            unsigned, body: body.isEmpty && method == "GET" ? nil : body, decodeContentEncoding: decodeContentEncoding
        ) { serviceError(operation, $0) }.body
    }

    private func serviceError(_ operation: String, _ response: HTTPResponse) -> AWSServiceError {
        let document = try? LenientJSONParser.parseDocument(response.body)
        let code = AWSServiceError.name(
            header: response.headers["x-amzn-ErrorType"],
            bodyType: document?["__type"]?.string ?? document?["code"]?.string)
        let message = document?["message"]?.string ?? document?["Message"]?.string ?? ""
        return AWSServiceError(operation: operation, status: response.status, code: code, message: message)
    }

    private func decode<T>(_ operation: String, _ endpoint: Endpoint, _ body: [UInt8], _ read: (JSONValue) throws -> T)
        throws -> T
    {
        do {
            return try read(try LenientJSONParser.parseDocument(body))
        } catch {
            throw AWSServiceError(
                operation: operation, status: 200, code: "MalformedResponse", message: String(describing: error),
                endpoint: endpoint.hostAndPort)
        }
    }
}

import CCurl
import Foundation

/// `HTTPClient` over one libcurl easy handle.
///
/// The handle is reused (and `curl_easy_reset` between requests), so connections, TLS sessions and DNS answers
/// are kept between requests to the same host. That makes a client **not thread-safe: use one client per thread**
/// (or per poller); it is deliberately not `Sendable`.
///
/// What every request gets, whatever the caller sets:
/// - TLS verification on (`CURLOPT_SSL_VERIFYPEER` 1, `CURLOPT_SSL_VERIFYHOST` 2); only `http` and `https`.
/// - Proxies from the standard environment variables, resolved by `ProxyEnvironment` with libcurl's rules and
///   passed explicitly (`CURLOPT_PROXY`, `CURLOPT_NOPROXY`); uppercase `HTTP_PROXY` is ignored, as libcurl does.
/// - Redirects are not followed: a SigV4 signature is for one host and path, so a redirect is the caller's call.
/// - `CURLOPT_NOSIGNAL`, so timeouts never raise signals in a multi-threaded process.
/// - No `Expect: 100-continue` round trip, and no default `Content-Type` on bodies.
///
/// ```swift
/// let client = CurlHTTPClient()
/// let response = try client.send(HTTPRequest(.get, "https://medical-imaging.eu-west-1.amazonaws.com/datastore"))
/// ```
public final class CurlHTTPClient: HTTPClient {
    /// Sent as `User-Agent` unless the request has one.
    public static let defaultUserAgent = "cutover/0.1.0"

    let userAgent: String
    let proxies: ProxyEnvironment
    let caBundlePath: String?
    private var handle: UnsafeMutableRawPointer?
    /// libcurl writes the detail of a failure here (`CURLOPT_ERRORBUFFER`); used only for TLS failures.
    let errorBuffer: UnsafeMutablePointer<CChar>

    /// - Parameters:
    ///   - environment: where proxy variables are read; tests pass their own.
    ///   - caBundlePath: a PEM file of trusted CAs instead of the system store, for private CAs and test servers.
    public init(
        userAgent: String = CurlHTTPClient.defaultUserAgent,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        caBundlePath: String? = nil
    ) {
        self.userAgent = userAgent
        self.proxies = ProxyEnvironment(environment)
        self.caBundlePath = caBundlePath
        let size = ccurl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        errorBuffer.deallocate()
    }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let transfer = CurlTransfer(sink: nil)
        try perform(request, into: transfer, streaming: false)
        return HTTPResponse(status: transfer.status, headers: transfer.headers, body: transfer.body)
    }

    public func download(_ request: HTTPRequest, to sink: (UnsafeRawBufferPointer) throws -> Void) throws
        -> HTTPResponseHead
    {
        try withoutActuallyEscaping(sink) { sink in
            let transfer = CurlTransfer(sink: sink)
            try perform(request, into: transfer, streaming: true)
            return transfer.head
        }
    }

    private func perform(_ request: HTTPRequest, into transfer: CurlTransfer, streaming: Bool) throws {
        let endpoint = try HTTPEndpoint(parsing: request.url)
        let handle = try easyHandle(for: endpoint)
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let proxy = proxies.proxy(forScheme: endpoint.scheme)

        try configure(handle, for: request, endpoint: endpoint, proxy: proxy, streaming: streaming)
        let headerList = try headerList(for: request, endpoint: endpoint)
        defer { curl_slist_free_all(headerList) }
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        setCallbacks(handle, context: Unmanaged.passUnretained(transfer).toOpaque())

        let code = withExtendedLifetime(transfer) { performWithBody(handle, request.body) }
        if code == CURLE_OK {
            var status = 0
            ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            if status != 0 && status != transfer.status { transfer.setFinalStatus(status) }
            return
        }
        if code == CURLE_WRITE_ERROR, let sinkError = transfer.sinkError { throw sinkError }
        throw error(for: code, handle: handle, request: request, endpoint: endpoint, proxy: proxy, streaming: streaming)
    }

    private func easyHandle(for endpoint: HTTPEndpoint) throws(HTTPError) -> UnsafeMutableRawPointer {
        if let handle { return handle }
        guard CurlGlobal.isInitialised, let created = curl_easy_init() else {
            throw .failed(
                host: endpoint.host, curlCode: Int(CURLE_FAILED_INIT.rawValue), reason: "libcurl did not start")
        }
        handle = created
        return created
    }

    /// The body must stay at one address through `curl_easy_perform` (`CURLOPT_POSTFIELDS` does not copy), so
    /// the transfer runs inside `withUnsafeBytes`.
    private func performWithBody(_ handle: UnsafeMutableRawPointer, _ body: [UInt8]?) -> CURLcode {
        guard let body else { return curl_easy_perform(handle) }
        return body.withUnsafeBytes { raw in
            ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(raw.count))
            if let base = raw.baseAddress, raw.count > 0 {
                ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            } else {
                ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            return curl_easy_perform(handle)
        }
    }

    private func setCallbacks(_ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer) {
        ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { pointer, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
        }
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { pointer, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: length))
            return length
        }
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    }
}

/// `curl_global_init` must run once before any other libcurl call and is not safe to race; a static `let` is
/// initialised exactly once, thread-safely, on first use.
enum CurlGlobal {
    static let isInitialised: Bool = ccurl_global_init_all() == CURLE_OK
}

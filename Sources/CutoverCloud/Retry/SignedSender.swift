import Foundation

/// What every AWS client here does per call: sign the request afresh for each attempt (the signature carries
/// the time), send it, and retry throttling, 5xx and transient network errors after a jittered pause.
final class SignedSender {
    let http: HTTPClient
    let signer: SigV4Signer
    let retry: RetryPolicy
    let clock: () -> Date
    let sleep: (Double) -> Void
    let random: () -> Double
    /// Each attempt's limit (for a download, the longest it may go without a byte); connecting gets at most 10 s.
    let timeout: Duration
    /// Pauses taken so far: the poll health shows them.
    private(set) var retries = 0

    init(
        http: HTTPClient, signer: SigV4Signer, retry: RetryPolicy, clock: @escaping () -> Date,
        sleep: @escaping (Double) -> Void, random: @escaping () -> Double, timeout: Duration = .seconds(30)
    ) {
        self.http = http
        self.signer = signer
        self.retry = retry
        self.clock = clock
        self.sleep = sleep
        self.random = random
        self.timeout = timeout
    }

    /// The request for one attempt, signed now.
    func signed(_ unsigned: SigningRequest, body: [UInt8]?, decodeContentEncoding: Bool = false) -> HTTPRequest {
        let signature = signer.sign(unsigned, at: clock())
        var request = HTTPRequest(
            HTTPMethod(rawValue: unsigned.method), unsigned.url, body: body,
            timeout: timeout, connectTimeout: min(timeout, .seconds(10)), decodeContentEncoding: decodeContentEncoding)
        for header in unsigned.headers + signature.headers {
            request.headers.append(name: header.name, value: header.value)
        }
        return request
    }

    /// Sends until a success, an answer not worth retrying (thrown as the service's error), or the last attempt.
    func send(
        _ unsigned: SigningRequest, body: [UInt8]?, decodeContentEncoding: Bool = false,
        error serviceError: (HTTPResponse) -> AWSServiceError
    ) throws -> HTTPResponse {
        var attempt = 0
        while true {
            do {
                let response = try http.send(signed(unsigned, body: body, decodeContentEncoding: decodeContentEncoding))
                if response.isSuccess { return response }
                var error = serviceError(response)
                error.endpoint = error.endpoint ?? Self.endpoint(unsigned)
                guard error.isRetryable, attempt + 1 < retry.attempts else { throw error }
            } catch let error as HTTPError {
                guard Self.isTransient(error), attempt + 1 < retry.attempts else { throw error }
            }
            pause(attempt)
            attempt += 1
        }
    }

    func pause(_ attempt: Int) {
        sleep(retry.delay(retry: attempt, random: random()))
        retries += 1
    }

    /// `host:port` of the request, as service errors name it.
    static func endpoint(_ request: SigningRequest) -> String {
        let host = request.host.contains(":") ? "[\(request.host)]" : request.host
        return "\(host):\(request.port ?? (request.scheme.lowercased() == "https" ? 443 : 80))"
    }

    static func isTransient(_ error: HTTPError) -> Bool {
        switch error {
        case .couldNotConnect, .connectTimedOut, .timedOut, .stalled, .connectionLost: true
        default: false
        }
    }
}

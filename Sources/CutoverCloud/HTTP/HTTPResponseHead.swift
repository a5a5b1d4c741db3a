/// The status line and header fields of a response, which is all `download` returns: the body went to the sink.
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    /// The fields of the final response only; those of `100 Continue` or a proxy's `CONNECT` answer are dropped.
    public var headers: HTTPHeaders
    /// For a non-2xx response to `download`, the first bytes of its body (up to 64 KiB), which were not passed
    /// to the sink, so the caller can read the service's error document. Empty otherwise.
    public var errorBody: [UInt8]

    public init(status: Int, headers: HTTPHeaders, errorBody: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.errorBody = errorBody
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

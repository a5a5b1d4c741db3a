/// A whole response held in memory, as `send` returns it.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Case-insensitive lookup: `response.headers["x-amzn-errortype"]`.
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

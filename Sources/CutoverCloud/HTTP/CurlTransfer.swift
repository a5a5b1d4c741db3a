/// What one libcurl transfer has received so far; the context pointer behind the write and header callbacks.
///
/// A class because libcurl holds it by an unretained pointer for the duration of `curl_easy_perform`.
final class CurlTransfer {
    /// The most that is kept of a non-2xx body that is not passed to a download's sink.
    static let errorBodyLimit = 64 * 1024

    private(set) var status = 0
    private(set) var headers = HTTPHeaders()
    private(set) var body: [UInt8] = []
    private(set) var errorBody: [UInt8] = []
    /// What the sink threw, to be rethrown in place of libcurl's `CURLE_WRITE_ERROR`.
    private(set) var sinkError: (any Error)?

    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?

    /// With a `sink`, 2xx bodies are streamed to it; without one, bodies are collected in `body`.
    init(sink: ((UnsafeRawBufferPointer) throws -> Void)?) { self.sink = sink }

    var head: HTTPResponseHead { HTTPResponseHead(status: status, headers: headers, errorBody: errorBody) }

    /// Takes one header line as libcurl delivers it (with its CRLF). A status line starts a new header block,
    /// so the fields of `100 Continue` or of a proxy's `CONNECT` answer do not leak into the final response.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        while let last = line.last, last.isNewline { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if line.first == " " || line.first == "\t" {
            guard let last = headers.last else { return }
            let folded = last.value + " " + line.trimmingHTTPWhitespace()
            headers = HTTPHeaders(headers.dropLast() + [HTTPHeaders.Field(name: last.name, value: folded)])
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()
            headers.append(name: name, value: value)
        }
    }

    /// libcurl's `CURLINFO_RESPONSE_CODE` is authoritative when a status line did not parse (HTTP/2 `:status`).
    func setFinalStatus(_ status: Int) { self.status = status }

    /// Takes one chunk of body; returns `false` to make libcurl stop the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let sink else {
            body.append(contentsOf: bytes)
            return true
        }
        guard (200..<300).contains(status) else {
            let room = max(0, Self.errorBodyLimit - errorBody.count)
            errorBody.append(contentsOf: bytes.prefix(room))
            return true
        }
        do {
            try sink(bytes)
            return true
        } catch {
            sinkError = error
            return false
        }
    }
}

extension String {
    fileprivate func trimmingHTTPWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

import CCurl

extension CurlHTTPClient {
    /// Applies everything about `request` except its headers, body and callbacks to a freshly reset handle.
    func configure(
        _ handle: UnsafeMutableRawPointer, for request: HTTPRequest, endpoint: HTTPEndpoint, proxy: String?,
        streaming: Bool
    ) throws(HTTPError) {
        ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        // The path goes out as signed: libcurl would otherwise squash `/./` and `/../`, which S3 keys may hold.
        ccurl_setopt_long(handle, CURLOPT_PATH_AS_IS, 1)
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent)

        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle = caBundlePath { ccurl_setopt_string(handle, CURLOPT_CAINFO, caBundle) }

        // An empty CURLOPT_PROXY turns libcurl's own environment lookup off: ours is the only one.
        ccurl_setopt_string(handle, CURLOPT_PROXY, proxy ?? "")
        if let noProxy = proxies.noProxy { ccurl_setopt_string(handle, CURLOPT_NOPROXY, noProxy) }

        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.wholeMilliseconds)
        if streaming {
            // A large object may legitimately take longer than any total timeout; give up only when it stalls.
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, request.timeout.wholeSecondsRoundedUp)
        } else {
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeout.wholeMilliseconds)
        }

        if request.decodeContentEncoding {
            // "" offers every encoding this libcurl can decode, and decodes the answer.
            ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
            ccurl_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 1)
        } else {
            ccurl_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 0)
        }

        switch request.method {
        case .head: ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
        case .get where request.body == nil: ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case .post: break  // CURLOPT_POSTFIELDS, set with the body, makes it a POST.
        default: ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if request.body == nil, request.method == .post || request.method == .put || request.method == .patch {
            // These methods without a body still need `Content-Length: 0`, which AWS insists on.
            ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0)
            ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        }
    }

    /// The request's headers in the caller's order, then the few the transport adds when absent.
    ///
    /// An empty value is written `Name;` (libcurl's syntax for sending an empty header); `Name:` with nothing
    /// after it is libcurl's syntax for suppressing one of its own headers.
    func headerList(for request: HTTPRequest, endpoint: HTTPEndpoint) throws(HTTPError)
        -> UnsafeMutablePointer<curl_slist>?
    {
        var lines: [String] = []
        for field in request.headers {
            guard Self.isValidName(field.name) else { throw .invalidHeader(name: "(unnamed)", host: endpoint.host) }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidHeader(name: field.name, host: endpoint.host)
            }
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if let range = request.range, !request.headers.contains("Range") {
            lines.append("Range: \(range.headerValue)")
        }
        if !request.headers.contains("Expect") { lines.append("Expect:") }
        if request.body != nil, !request.headers.contains("Content-Type") { lines.append("Content-Type:") }

        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw .failed(host: endpoint.host, curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue), reason: "out of memory")
            }
            list = appended
        }
        return list
    }

    /// A field name is an RFC 9110 token; anything else could smuggle a second header into the request.
    private static func isValidName(_ name: String) -> Bool {
        let extra: Set<UInt8> = Set("!#$%&'*+-.^_`|~".utf8)
        return !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || extra.contains(byte)
            }
    }
}

extension Duration {
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// libcurl's low-speed timer counts whole seconds.
    var wholeSecondsRoundedUp: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}

import CCurl

extension CurlHTTPClient {
    /// Turns a libcurl failure into the sentence the user will read.
    ///
    /// Built from the endpoint we parsed, never from the URL or headers; libcurl's error buffer is quoted only for
    /// TLS failures, where it holds the TLS library's reason and nothing from the request.
    func error(
        for code: CURLcode, handle: UnsafeMutableRawPointer, request: HTTPRequest, endpoint: HTTPEndpoint,
        proxy: String?, streaming: Bool
    ) -> HTTPError {
        let host = endpoint.host
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(reason: "libcurl could not use it (\(Self.reason(code)))")
        case CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolveProxy(proxy: proxy.flatMap { try? HTTPEndpoint(parsing: $0) }?.host ?? "(unset)")
        case CURLE_COULDNT_RESOLVE_HOST:
            return .couldNotResolve(host: host)
        case CURLE_COULDNT_CONNECT:
            if let proxy { return .couldNotConnectToProxy(endpoint: Self.proxyEndpoint(proxy)) }
            return .couldNotConnect(endpoint: endpoint.hostAndPort)
        case CURLE_OPERATION_TIMEDOUT:
            var connectMicros: curl_off_t = 0
            ccurl_getinfo_off_t(handle, CURLINFO_CONNECT_TIME_T, &connectMicros)
            if connectMicros == 0 {
                let target = proxy.map(Self.proxyEndpoint) ?? endpoint.hostAndPort
                return .connectTimedOut(endpoint: target, after: request.connectTimeout)
            }
            if streaming { return .stalled(host: host, after: .seconds(request.timeout.wholeSecondsRoundedUp)) }
            return .timedOut(host: host, after: request.timeout)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_INVALIDCERTSTATUS:
            return .tlsVerificationFailed(host: host, detail: tlsDetail(code))
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE:
            return .tlsHandshakeFailed(host: host, detail: tlsDetail(code))
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connectionLost(host: host)
        case CURLE_BAD_CONTENT_ENCODING:
            return .corruptContentEncoding(host: host)
        default:
            return .failed(host: host, curlCode: Int(code.rawValue), reason: Self.reason(code))
        }
    }

    private func tlsDetail(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingCharacters(in: [" ", "\n", "\r", "\r\n"])
        return detail.isEmpty ? Self.reason(code) : String(detail.prefix(200))
    }

    /// libcurl's fixed text for a code, which never includes anything from the request.
    private static func reason(_ code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "unknown error"
    }

    /// The proxy as `host:port`, without any user info it may carry.
    private static func proxyEndpoint(_ proxy: String) -> String {
        let url = proxy.contains("://") ? proxy : "http://" + proxy
        return (try? HTTPEndpoint(parsing: url))?.hostAndPort ?? "(unparsable proxy URL)"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

import CCurl
import Testing

@Suite struct LibcurlTests {
    /// The clients verify TLS: the libcurl we link must have been built with a TLS backend.
    @Test func libcurlSpeaksTLS() {
        let info = ccurl_version_info()
        #expect(info != nil)
        #expect(info.map { $0.pointee.ssl_version != nil } == true)
    }
}

/// Why a DICOMweb request gave no usable answer. Each case reads as one sentence naming the server and what to
/// do; none carries credentials, query values or patient data.
public enum DICOMwebError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The base URL is not an absolute http(s) URL.
    case invalidBaseURL(String)
    /// The URL carries user info; credentials belong in the options, where they are never stored or printed.
    case credentialsInURL(host: String)
    /// Nothing answered: the transport's own sentence.
    case unreachable(HTTPError)
    /// The server answered 401 or 403.
    case unauthorized(host: String, status: Int)
    /// Any other non-2xx status (404 usually means the base URL does not end at the DICOMweb root).
    case status(host: String, path: String, status: Int)
    /// The body was not a JSON array of DICOM JSON data sets.
    case notDICOMJSON(host: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url):
            "\(url) is not a DICOMweb URL: give an absolute http:// or https:// URL such as http://pacs:8042/dicom-web."
        case .credentialsInURL(let host):
            "The URL for \(host) contains credentials: remove them and use --user with --password-env, or --token-env."
        case .unreachable(let error):
            error.description
        case .unauthorized(let host, let status):
            "\(host) refused the credentials (HTTP \(status)): check --user and the password or token variable."
        case .status(let host, let path, let status) where status == 429 || status >= 500:
            "\(host) answered HTTP \(status) for \(path) on every attempt: the server is failing or overloaded; try again later."
        case .status(let host, let path, let status):
            "\(host) answered HTTP \(status) for \(path): check that the URL is the server's DICOMweb root."
        case .notDICOMJSON(let host, let path, let reason):
            "\(host) did not answer \(path) with DICOM JSON (\(reason)): check that the URL is a QIDO-RS endpoint."
        }
    }
}

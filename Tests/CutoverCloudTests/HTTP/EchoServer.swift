import CutoverCloud
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `tests/servers/echo_server.py` running on 127.0.0.1 for one test: real sockets, real HTTP, no mocks.
///
/// The server exits when its stdin closes, so it cannot outlive a crashed test run.
final class EchoServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    /// With `tls`, the self-signed certificate the server presents (valid for IP 127.0.0.1).
    let certificatePath: String?
    private let directory: URL?

    var base: String { "\(certificatePath == nil ? "http" : "https")://127.0.0.1:\(port)" }

    /// Starts a server (HTTPS with a fresh self-signed certificate when `tls`), runs `body`, and stops the
    /// server however `body` ends.
    static func with<T>(tls: Bool = false, _ body: (EchoServer) throws -> T) throws -> T {
        let server = try EchoServer(tls: tls)
        defer { server.stop() }
        return try body(server)
    }

    private init(tls: Bool) throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tests/servers/echo_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        if tls {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("echo-tls-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            process.arguments! += ["--tls-dir", directory.path]
            self.directory = directory
            certificatePath = directory.appendingPathComponent("cert.pem").path
        } else {
            directory = nil
            certificatePath = nil
        }
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line: [UInt8] = []
        while !line.contains(UInt8(ascii: "\n")) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            line.append(contentsOf: data)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw EchoServerError.noPort
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A port on 127.0.0.1 with nothing listening: bound by us to get a free number, then closed.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                _ = bind(fd, raw, length)
                _ = getsockname(fd, raw, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

enum EchoServerError: Error { case noPort }

/// What `/echo` saw.
struct Echo: Decodable {
    let method: String
    let path: String
    let query: String
    let headers: [[String]]
    let bodyBase64: String

    enum CodingKeys: String, CodingKey {
        case method, path, query, headers
        case bodyBase64 = "body_base64"
    }

    var body: [UInt8] { Array(Data(base64Encoded: bodyBase64) ?? Data()) }

    /// Values of the header called `name` as the server received them, ignoring case.
    func values(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }

    var headerNames: [String] { headers.map { $0[0] } }

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: Data(response.body))
    }
}

/// The bytes `/bytes/<n>` serves at `index`.
func patternByte(_ index: Int) -> UInt8 { UInt8((index * 31 + 7) % 251) }

import Foundation
import Testing

@testable import CutoverCloud

/// Runs `tests/vectors/botocore_sigv4.py`, which signs a set of requests with botocore's own `SigV4Auth` and
/// `S3SigV4Auth`, and checks that `SigV4Signer` produces the same Authorization header byte for byte.
///
/// There is no skip: without Python and botocore this test fails and says how to install them
/// (`make test` does it through the Makefile's `PIP_TEST` list).
@Suite struct SigV4BotocoreVectorTests {
    struct Case: Decodable {
        struct Expected: Decodable {
            var authorization: String
            var amzDate: String
            var securityToken: String?
            var contentSHA256: String?
            var canonicalRequest: String
            var stringToSign: String
        }
        var name: String
        var service: String
        var region: String
        var method: String
        var scheme: String
        var host: String
        var port: Int?
        var path: String
        var segments: [String]?
        var bucket: String?
        var key: String?
        var query: [[String]]
        var headers: [[String]]
        var bodyBase64: String
        var accessKeyID: String
        var secretAccessKey: String
        var sessionToken: String?
        var epochSeconds: Int64
        var expected: Expected

        var request: SigningRequest {
            SigningRequest(
                method: method, scheme: scheme, host: host, port: port, path: path,
                query: query.map { SigningRequest.QueryItem($0[0], $0[1]) },
                headers: headers.map { SigningRequest.Header($0[0], $0[1]) },
                body: Array(Data(base64Encoded: bodyBase64) ?? Data()))
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func loadCases() throws -> [Case] {
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"
        let script = packageRoot.appendingPathComponent("tests/vectors/botocore_sigv4.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last ?? ""
            throw VectorScriptFailed(
                description: "\(python) \(script) exited with \(process.terminationStatus) (\(message)); "
                    + "install botocore with `make deps` or `\(python) -m pip install botocore`")
        }
        let decoder = JSONDecoder()
        return try String(decoding: stdout, as: UTF8.self).split(separator: "\n").map {
            try decoder.decode(Case.self, from: Data($0.utf8))
        }
    }

    struct VectorScriptFailed: Error, CustomStringConvertible {
        var description: String
    }

    @Test func everyBotocoreCaseSignsIdentically() throws {
        let cases = try Self.loadCases()
        #expect(cases.count >= 20, "the vector script printed only \(cases.count) cases")
        for vector in cases {
            let credentials = Credentials(
                accessKeyID: vector.accessKeyID, secretAccessKey: vector.secretAccessKey,
                sessionToken: vector.sessionToken)
            let signer = SigV4Signer(
                credentials: credentials, region: vector.region,
                service: SigningService(signingName: vector.service))
            let signature = signer.sign(vector.request, epochSeconds: vector.epochSeconds)
            let name = Comment(rawValue: vector.name)

            #expect(signature.canonicalRequest == vector.expected.canonicalRequest, name)
            #expect(signature.stringToSign == vector.expected.stringToSign, name)
            #expect(signature.authorization == vector.expected.authorization, name)
            let added = Dictionary(uniqueKeysWithValues: signature.headers.map { ($0.name, $0.value) })
            #expect(added["x-amz-date"] == vector.expected.amzDate, name)
            #expect(added["x-amz-security-token"] == vector.expected.securityToken, name)
            #expect(added["x-amz-content-sha256"] == vector.expected.contentSHA256, name)
        }
    }

    /// The script builds paths the way botocore's serializer does; our encoders must build the same bytes.
    @Test func pathsBuiltByURIEncodingMatchBotocoreSerializer() throws {
        for vector in try Self.loadCases() {
            let name = Comment(rawValue: vector.name)
            if let segments = vector.segments {
                #expect("/" + segments.map(URIEncoding.component).joined(separator: "/") == vector.path, name)
            }
            if let bucket = vector.bucket {
                let path =
                    vector.key.map { "/\(bucket)/" + URIEncoding.path($0) } ?? (bucket.isEmpty ? "/" : "/\(bucket)")
                #expect(path == vector.path, name)
            }
        }
    }
}

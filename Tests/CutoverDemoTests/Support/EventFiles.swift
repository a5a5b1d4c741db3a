import Foundation
import Testing

/// Reads every event file of a demo folder, in each layout, the way a tolerant poller would.
struct EventFiles {
    struct Delivered {
        let layout: String
        let path: String
        let event: [String: Any]
        var id: String { event["id"] as? String ?? "" }
        var detail: [String: Any] { event["detail"] as? [String: Any] ?? [:] }
        var detailType: String { event["detail-type"] as? String ?? "" }
    }

    let delivered: [Delivered]

    init(_ folder: GeneratedFolder) throws {
        var all: [Delivered] = []
        for path in folder.files(under: "events") {
            let layout = String(path.split(separator: "/")[1])
            var data = try #require(folder.data(path))
            if path.hasSuffix(".gz") { data = try Self.gunzip(folder.url.path + "/" + path) }
            switch layout {
            case "firehose":
                for object in try Self.splitConcatenated(data) {
                    all.append(Delivered(layout: layout, path: path, event: object))
                }
            case "stream":
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    all.append(Delivered(layout: layout, path: path, event: object))
                }
            case "array":
                let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
                for object in objects { all.append(Delivered(layout: layout, path: path, event: object)) }
            default:
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                all.append(Delivered(layout: layout, path: path, event: object))
            }
        }
        delivered = all
    }

    /// Distinct events by id.
    var unique: [String: Delivered] {
        Dictionary(delivered.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Splits `{...}{...}` with a brace counter that respects strings.
    static func splitConcatenated(_ data: Data) throws -> [[String: Any]] {
        let bytes = [UInt8](data)
        var objects: [[String: Any]] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 0
        for (i, b) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 92 { escaped = true } else if b == 34 { inString = false }
                continue
            }
            if b == 34 { inString = true }
            if b == 123 {
                if depth == 0 { start = i }
                depth += 1
            }
            if b == 125 {
                depth -= 1
                if depth == 0 {
                    let slice = Data(bytes[start...i])
                    objects.append(try #require(try JSONSerialization.jsonObject(with: slice) as? [String: Any]))
                }
            }
        }
        #expect(depth == 0, "unbalanced Firehose object")
        return objects
    }

    /// Decompresses with the system gzip, an implementation independent of the writer's.
    static func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc failed for \(path)")
        return data
    }
}

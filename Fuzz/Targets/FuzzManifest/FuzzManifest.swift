import CutoverFormats
import FuzzSupport

/// `job-output-manifest.json` as the folder ingestor reads it: checked as JSON first (a truncated document waits
/// for the next poll), then decoded into counters and image sets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(FuzzInput(data, size).bytes)
    _ = try? bytes.withUnsafeBytes { try LenientJSONParser.parseDocument($0) }
    _ = try? ManifestDecoder.decode(bytes)
    return 0
}

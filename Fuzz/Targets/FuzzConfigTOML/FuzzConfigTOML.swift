import CutoverFormats
import FuzzSupport

/// `cutover.toml` as `CutoverConfig.load` reads it, after the UTF-8 check: TOMLKit (toml++) parses it and the
/// loader checks every key and value, naming the line of any problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigTOML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput(data, size).utf8Text else { return 0 }
    _ = try? CutoverConfig.parse(text, path: "cutover.toml")
    return 0
}

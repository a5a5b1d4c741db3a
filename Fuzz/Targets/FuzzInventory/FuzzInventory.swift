@testable import CutoverFormats
import FuzzSupport

private let files = [ScratchFile(suffix: ".csv"), ScratchFile(suffix: ".ndjson"), ScratchFile(suffix: ".txt")]

/// A source inventory as `cutover import-inventory` reads it: the format decided by extension (or, for `.txt`,
/// by the first byte), the header checked, then every row streamed. The first input byte chooses which name the
/// file gets and how small the reads are, so records straddle chunk boundaries; the record limit is small too,
/// so the skip-an-oversized-record path runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventory(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let control = Int(input.takeByte())
    let file = files[control % files.count]
    file.write(input.bytes)
    let readSize = 1 + (control / 3) % 64
    guard var reader = try? InventoryReader(path: file.path, readSize: readSize, maxRecordBytes: 256) else { return 0 }
    var lastLine = 0
    try? reader.read(
        { _, line in
            precondition(line > lastLine, "row line numbers must increase")
            lastLine = line
        },
        invalid: { line, _ in
            precondition(line > 0, "an invalid row must name a line")
        })
    return 0
}

import CutoverFormats
import FuzzSupport

private let file = ScratchFile(suffix: ".dcm")

/// A DICOM Part 10 file read both ways the reader offers: from a path (what the folder scanner does, through the
/// moving 16 KiB window) and in place from memory. Both must give the same answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDicomHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzInput(data, size)
    file.write(input.bytes)
    let fromFile = Result { () throws(DicomReadError) in try DicomHeaderReader.read(path: file.path) }
    let fromMemory = Result { () throws(DicomReadError) in try DicomHeaderReader.read(bytes: input.bytes) }
    switch (fromFile, fromMemory) {
    case (.success(let a), .success(let b)):
        precondition(a == b, "the file and memory readers disagree")
    case (.failure, .failure):
        break
    default:
        preconditionFailure("the file and memory readers disagree on whether the header reads")
    }
    return 0
}

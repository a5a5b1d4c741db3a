import CZlib

/// Assembles a whole file: optional preamble, optional meta group, and a data set, deflated when asked.
struct PartTenFile {
    var hasPreamble = true
    var hasMeta = true
    var transferSyntax: String? = "1.2.840.10008.1.2.1"
    var metaSOPClass = "1.2.840.10008.5.1.4.1.1.2"
    var metaSOPInstance = "1.2.3.4.5.6.7.8.9.1"
    var hasGroupLength = true
    /// Added to the true group length, to imitate writers that get it wrong.
    var groupLengthError: Int32 = 0
    var deflatesDataSet = false
    var dataSet: [UInt8] = []

    var bytes: [UInt8] {
        var file: [UInt8] = []
        if hasPreamble {
            file += [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        }
        if hasMeta {
            file += metaGroup()
        }
        file += deflatesDataSet ? Deflate.raw(dataSet) : dataSet
        return file
    }

    private func metaGroup() -> [UInt8] {
        var group = DataSetBuilder(.explicitLittle)
        group.element(0x0002_0001, "OB", [0, 1])
        group.text(0x0002_0002, "UI", metaSOPClass)
        group.text(0x0002_0003, "UI", metaSOPInstance)
        if let transferSyntax {
            group.text(0x0002_0010, "UI", transferSyntax)
        }
        group.text(0x0002_0012, "UI", "1.2.826.0.1.3680043.9.7433")
        guard hasGroupLength else { return group.bytes }
        var length = DataSetBuilder(.explicitLittle)
        let value = UInt32(Int32(group.bytes.count) + groupLengthError).littleEndian
        length.element(0x0002_0000, "UL", withUnsafeBytes(of: value) { Array($0) })
        return length.bytes + group.bytes
    }
}

/// Raw deflate (no zlib header), as the deflated transfer syntaxes store the data set.
enum Deflate {
    static func raw(_ input: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        let size = Int32(MemoryLayout<z_stream>.size)
        guard
            deflateInit2_(stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, size)
                == Z_OK
        else { fatalError("zlib refused to start") }
        defer { deflateEnd(stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))) + 16)
        var source = input
        let produced = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = uInt(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = uInt(outBuffer.count)
                precondition(deflate(stream, Z_FINISH) == Z_STREAM_END)
                return Int(stream.pointee.total_out)
            }
        }
        return Array(output[0..<produced])
    }
}

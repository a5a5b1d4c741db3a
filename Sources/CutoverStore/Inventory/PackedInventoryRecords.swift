import CutoverFormats

/// Inventory records with every text value's bytes in one buffer. The reading thread packs what it parsed
/// and drops its strings there; the writing thread binds the bytes where they lie, so it retains, copies and
/// frees no string per value (that was a fifth of its time on a million rows).
public struct PackedInventoryRecords: Sendable {
    /// The text values of a record, in the order `append` stores them.
    enum Field: Int, CaseIterable {
        case inputKey, study, series, sopInstance, sopClass, transferSyntax, modality, patientID, patientName,
            accessionNumber, studyDate, cohort
    }

    public private(set) var count = 0
    public var isEmpty: Bool { count == 0 }
    private var bytes: [UInt8] = []
    /// Per record and field: where its bytes start, and how many (-1 for a missing value).
    private var spans: [(start: Int32, count: Int32)] = []
    private var numbers: [(frames: Int64?, size: Int64?)] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity * 256)
        spans.reserveCapacity(capacity * Field.allCases.count)
        numbers.reserveCapacity(capacity)
    }

    public mutating func append(_ record: InventoryRecord) {
        for value in [
            record.inputKey, record.studyInstanceUID, record.seriesInstanceUID, record.sopInstanceUID,
            record.sopClassUID, record.transferSyntaxUID, record.modality, record.patientID, record.patientName,
            record.accessionNumber, record.studyDate, record.cohort,
        ] {
            guard let value else {
                spans.append((Int32(bytes.count), -1))
                continue
            }
            let start = bytes.count
            bytes.append(contentsOf: value.utf8)
            spans.append((Int32(start), Int32(bytes.count - start)))
        }
        numbers.append((record.numberOfFrames.map(Int64.init), record.sizeBytes))
        count += 1
    }

    /// Calls `body` with each record in order; its values stay valid until `body` returns.
    func forEach(_ body: (Record) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { all in
            try spans.withUnsafeBufferPointer { spans in
                for index in 0..<count {
                    try body(Record(all: all, spans: spans, first: index * Field.allCases.count, numbers: numbers[index]))
                }
            }
        }
    }

    /// One record's values, pointing into the buffer.
    struct Record {
        let all: UnsafeRawBufferPointer
        let spans: UnsafeBufferPointer<(start: Int32, count: Int32)>
        let first: Int
        let numbers: (frames: Int64?, size: Int64?)

        subscript(_ field: Field) -> UnsafeRawBufferPointer? {
            let span = spans[first + field.rawValue]
            guard span.count >= 0 else { return nil }
            return UnsafeRawBufferPointer(rebasing: all[Int(span.start)..<Int(span.start + span.count)])
        }
    }
}

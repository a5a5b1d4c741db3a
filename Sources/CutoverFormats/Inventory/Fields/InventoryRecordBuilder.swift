/// Collects one row's values column by column and checks them, for both CSV and NDJSON.
///
/// The first problem in a row becomes its reason; later values are ignored. Reasons name the column
/// (`noun` is "column" or "key") and never quote a value, because values can be patient data.
struct InventoryRecordBuilder {
    private let noun: String
    private var present: UInt32 = 0
    private var values = Values()
    /// Whether `values` may hold something from a row that was not finished.
    private var hasLeftovers = false
    private let cache = RepeatedValueCache()
    private(set) var problem: String?

    init(noun: String) {
        self.noun = noun
    }

    /// The row's values so far. A finished row's values are moved out into its record, leaving nils.
    private struct Values {
        var inputKey: String?
        var studyInstanceUID: String?
        var seriesInstanceUID: String?
        var sopInstanceUID: String?
        var sopClassUID: String?
        var transferSyntaxUID: String?
        var modality: String?
        var numberOfFrames: Int?
        var sizeBytes: Int64?
        var patientID: String?
        var patientName: String?
        var accessionNumber: String?
        var studyDate: String?
        var cohort: String?
    }

    mutating func startRow() {
        // After a good row the values were moved out; only an unfinished row leaves some behind.
        if hasLeftovers { values = Values() }
        hasLeftovers = true
        present = 0
        problem = nil
    }

    /// Sets a column from text: a CSV field or a JSON string's decoded content. Empty text leaves an
    /// optional column nil.
    mutating func set(_ column: InventoryColumn, text: UnsafeBufferPointer<UInt8>) {
        guard markPresent(column) else { return }
        if column.isRequired {
            guard !text.isBlank else { return fail("\(noun) \(column.name) is empty") }
        } else if text.isEmpty {
            return
        }
        switch column {
        case .numberOfFrames:
            if let number = number(column, text) { values.numberOfFrames = frames(number) }
        case .sizeBytes:
            if let number = number(column, text) { values.sizeBytes = number }
        default:
            guard let string = cache.string(column, text) else {
                return fail("\(noun) \(column.name) is not valid UTF-8")
            }
            assign(string, to: column)
        }
    }

    /// Sets a column from a JSON number literal, which only the count columns accept.
    mutating func set(_ column: InventoryColumn, numberLiteral: UnsafeBufferPointer<UInt8>) {
        guard markPresent(column) else { return }
        switch column {
        case .numberOfFrames:
            if let number = number(column, numberLiteral) { values.numberOfFrames = frames(number) }
        case .sizeBytes:
            if let number = number(column, numberLiteral) { values.sizeBytes = number }
        default:
            fail("\(noun) \(column.name) is not a string")
        }
    }

    /// Records a JSON null: nil for an optional column, a problem for a required one.
    mutating func setNull(_ column: InventoryColumn) {
        guard markPresent(column) else { return }
        if column.isRequired { fail("\(noun) \(column.name) is null") }
    }

    /// Records a JSON value of a type no column takes (a boolean, an object, an array).
    mutating func setWrongType(_ column: InventoryColumn) {
        guard markPresent(column) else { return }
        switch column {
        case .numberOfFrames, .sizeBytes: fail("\(noun) \(column.name) is not a whole number")
        default: fail("\(noun) \(column.name) is not a string")
        }
    }

    /// Notes a problem found outside the values, such as a syntax error, unless one was found first.
    mutating func fail(_ reason: String) {
        if problem == nil { problem = reason }
    }

    /// The finished record, or nil when the row has a problem (then `problem` says which).
    mutating func finishRow() -> InventoryRecord? {
        if problem != nil { return nil }
        if present & 0b1111 != 0b1111 {
            for column in InventoryColumn.required where present & (1 << column.rawValue) == 0 {
                fail("\(noun) \(column.name) is missing")
                return nil
            }
        }
        // Moving the values out instead of copying them saves a retain and a release for every string.
        hasLeftovers = false
        return InventoryRecord(
            inputKey: values.inputKey.take()!, studyInstanceUID: values.studyInstanceUID.take()!,
            seriesInstanceUID: values.seriesInstanceUID.take()!, sopInstanceUID: values.sopInstanceUID.take()!,
            sopClassUID: values.sopClassUID.take(), transferSyntaxUID: values.transferSyntaxUID.take(),
            modality: values.modality.take(), numberOfFrames: values.numberOfFrames.take(),
            sizeBytes: values.sizeBytes.take(), patientID: values.patientID.take(),
            patientName: values.patientName.take(), accessionNumber: values.accessionNumber.take(),
            studyDate: values.studyDate.take(), cohort: values.cohort.take())
    }

    /// Marks `column` as seen in this row; false when the row already failed or names the column twice.
    private mutating func markPresent(_ column: InventoryColumn) -> Bool {
        guard problem == nil else { return false }
        let bit: UInt32 = 1 << column.rawValue
        guard present & bit == 0 else {
            fail("\(noun) \(column.name) appears twice")
            return false
        }
        present |= bit
        return true
    }

    private mutating func number(_ column: InventoryColumn, _ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
        switch WholeNumber(digits: digits) {
        case .value(let value): return value
        case .notDigits: fail("\(noun) \(column.name) is not a whole number")
        case .tooLarge: fail("\(noun) \(column.name) is too large")
        }
        return nil
    }

    private mutating func frames(_ number: Int64) -> Int? {
        guard let frames = Int(exactly: number) else {
            fail("\(noun) \(InventoryColumn.numberOfFrames.name) is too large")
            return nil
        }
        return frames
    }

    private mutating func assign(_ string: consuming String, to column: InventoryColumn) {
        switch column {
        case .inputKey: values.inputKey = string
        case .studyInstanceUID: values.studyInstanceUID = string
        case .seriesInstanceUID: values.seriesInstanceUID = string
        case .sopInstanceUID: values.sopInstanceUID = string
        case .sopClassUID: values.sopClassUID = string
        case .transferSyntaxUID: values.transferSyntaxUID = string
        case .modality: values.modality = string
        case .patientID: values.patientID = string
        case .patientName: values.patientName = string
        case .accessionNumber: values.accessionNumber = string
        case .studyDate: values.studyDate = string
        case .cohort: values.cohort = string
        case .numberOfFrames, .sizeBytes: break
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Empty or only spaces and tabs: an identity made of blanks names nothing.
    fileprivate var isBlank: Bool {
        for byte in self where byte != 0x20 && byte != 0x09 { return false }
        return true
    }
}

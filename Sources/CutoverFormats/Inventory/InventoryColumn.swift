#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The interchange columns: CSV header names and NDJSON keys (product spec). The first four identify an
/// instance and must be present in every row; the rest may be missing or empty.
enum InventoryColumn: Int, CaseIterable, Sendable {
    case inputKey, studyInstanceUID, seriesInstanceUID, sopInstanceUID
    case sopClassUID, transferSyntaxUID, modality, numberOfFrames, sizeBytes
    case patientID, patientName, accessionNumber, studyDate, cohort

    var name: String { spelling.description }

    /// The name as static bytes, so keys can be matched without touching a reference count.
    private var spelling: StaticString {
        switch self {
        case .inputKey: "input_key"
        case .studyInstanceUID: "study_instance_uid"
        case .seriesInstanceUID: "series_instance_uid"
        case .sopInstanceUID: "sop_instance_uid"
        case .sopClassUID: "sop_class_uid"
        case .transferSyntaxUID: "transfer_syntax_uid"
        case .modality: "modality"
        case .numberOfFrames: "number_of_frames"
        case .sizeBytes: "size_bytes"
        case .patientID: "patient_id"
        case .patientName: "patient_name"
        case .accessionNumber: "accession_number"
        case .studyDate: "study_date"
        case .cohort: "cohort"
        }
    }

    var isRequired: Bool { rawValue <= InventoryColumn.sopInstanceUID.rawValue }

    static let required = allCases.filter(\.isRequired)

    /// The column whose name is `bytes`, ignoring ASCII case.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> InventoryColumn? {
        for column in allCases where column.hasName(bytes) { return column }
        return nil
    }

    /// Whether `bytes` spell this column's name, ignoring ASCII case. NDJSON rows usually repeat the
    /// previous row's key order, so the reader tries this one guess before searching.
    func hasName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let spelling = spelling
        guard spelling.utf8CodeUnitCount == bytes.count else { return false }
        let name = spelling.utf8Start
        // Keys are nearly always written in lower case, as the spec spells them.
        if memcmp(name, bytes.baseAddress!, bytes.count) == 0 { return true }
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != name[index] { return false }
        }
        return true
    }
}

import CutoverCore

/// Small formatting helpers shared by the plan and the writers.
enum DemoText {
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `YYYYMMDD`, the DICOM DA form used in the inventory.
    static func dicomDate(day: Int) -> String {
        let iso = EpochTime.format(Double(day) * 86_400)
        return String(iso.prefix(4)) + String(iso.dropFirst(5).prefix(2)) + String(iso.dropFirst(8).prefix(2))
    }

    /// The date and time fields of an epoch-millisecond instant, for Firehose-style names.
    static func utcParts(ms: Int64) -> (
        year: String, month: String, day: String, hour: String, minute: String,
        second: String
    ) {
        let iso = Array(EpochTime.format(Double(ms) / 1000))
        func part(_ from: Int, _ length: Int) -> String { String(iso[from..<(from + length)]) }
        return (part(0, 4), part(5, 2), part(8, 2), part(11, 2), part(14, 2), part(17, 2))
    }

    /// `INVALID_OFFSET_TABLE` to `InvalidOffsetTable`, the spelling of the `type` field in warning lines.
    static func pascalCase(_ upperSnake: String) -> String {
        upperSnake.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }
}

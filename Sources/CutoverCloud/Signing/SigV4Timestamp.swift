import Foundation

/// The two spellings of the signing time: `x-amz-date` (`20150830T123600Z`) and the scope date (`20150830`).
///
/// Computed from epoch seconds with integer civil-date arithmetic instead of a `DateFormatter`, so the result
/// never depends on the machine's locale, calendar or time zone.
struct SigV4Timestamp: Sendable, Hashable {
    let amzDate: String
    var dateStamp: String { String(amzDate.prefix(8)) }

    init(_ date: Date) {
        self.init(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    init(epochSeconds: Int64) {
        let days = Self.floorDivide(epochSeconds, 86_400)
        let secondOfDay = epochSeconds - days * 86_400
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        amzDate =
            Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) + "T"
            + Self.pad(secondOfDay / 3600, 2) + Self.pad(secondOfDay % 3600 / 60, 2) + Self.pad(secondOfDay % 60, 2)
            + "Z"
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian date for a day count from 1970-01-01.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

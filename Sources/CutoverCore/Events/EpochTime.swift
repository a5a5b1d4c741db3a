/// ISO-8601 UTC timestamps (`2024-03-14T00:01:00Z`, with or without a fraction) to epoch seconds,
/// without Foundation's formatters, which are slow and locale-sensitive.
public enum EpochTime {
    public static func parse(iso8601 text: String) -> Double? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<(at + n) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let year = digits(0, 4), b.count > 4, b[4] == 45, let month = digits(5, 2), b.count > 7, b[7] == 45,
            let day = digits(8, 2), b.count > 10, b[10] == 84 || b[10] == 32, let hour = digits(11, 2),
            let minute = digits(14, 2), let second = digits(17, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var fraction = 0.0
        var i = 19
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offset = 0
        if i < b.count, b[i] == 43 || b[i] == 45, let oh = digits(i + 1, 2) {
            let om = digits(i + 4, 2) ?? digits(i + 3, 2) ?? 0
            offset = (oh * 3600 + om * 60) * (b[i] == 43 ? 1 : -1)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// Epoch seconds to `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(_ epoch: Double) -> String {
        let total = Int(epoch.rounded(.down))
        var days = total / 86400
        var rem = total % 86400
        if rem < 0 {
            rem += 86400
            days -= 1
        }
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem % 3600 / 60)):\(two(rem % 60))Z"
    }

    // Howard Hinnant's civil calendar algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

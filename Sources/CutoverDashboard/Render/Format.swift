import CutoverCore
import CutoverTerminal

/// Numbers, times and durations as the screens write them: compact, fixed-width friendly, UTC.
enum Format {
    static func count<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    static func optionalCount<T: BinaryInteger>(_ value: T?) -> String {
        guard let value else { return "-" }
        return count(value)
    }

    /// `2026-11-29 08:12` in UTC.
    static func minute(_ epoch: Double?) -> String {
        guard let epoch else { return "-" }
        let iso = EpochTime.format(epoch)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// `08:12:01` in UTC.
    static func clock(_ epoch: Double?) -> String {
        guard let epoch else { return "-" }
        return String(EpochTime.format(epoch).dropFirst(11).prefix(8))
    }

    /// `45s`, `12m 03s`, `3h 07m`, `2d 04h`.
    static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(two(s % 60))s" }
        if s < 86400 { return "\(s / 3600)h \(two(s % 3600 / 60))m" }
        return "\(s / 86400)d \(two(s % 86400 / 3600))h"
    }

    /// `12 s ago`, `4 min ago`, `2 h ago`.
    static func age(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s < 120 { return "\(s) s ago" }
        if s < 7200 { return "\(s / 60) min ago" }
        return "\(s / 3600) h ago"
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded(.down)))%" }

    /// A patient identifier as shown: masked unless revealed.
    static func patient(_ value: String?, reveal: Bool) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return reveal ? value : PatientMask.mask(value) ?? "-"
    }
}

/// 1234567 → "1,234,567": counts on screens and in summaries.
func grouped<T: BinaryInteger>(_ value: T) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, c) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return value < 0 ? "-" + out : out
}

/// A byte count for people: `812 bytes`, `4.2 MB` (decimal units, one digit after the point).
func bytes(_ count: UInt64) -> String {
    let units = ["KB", "MB", "GB", "TB"]
    guard count >= 1000 else { return "\(count) bytes" }
    var value = Double(count) / 1000
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
        value /= 1000
        unit += 1
    }
    return "\((value * 10).rounded() / 10) \(units[unit])"
}

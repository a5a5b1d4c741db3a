/// A count read from ASCII digits: `number_of_frames` and `size_bytes`.
///
/// Only plain digits are accepted. A sign, a decimal point, an exponent or a surrounding space means the
/// exporter wrote something other than a count, and guessing what it meant could hide a bad inventory.
enum WholeNumber: Equatable {
    case value(Int64)
    case notDigits
    case tooLarge

    init(digits: UnsafeBufferPointer<UInt8>) {
        guard !digits.isEmpty else {
            self = .notDigits
            return
        }
        var total: Int64 = 0
        var overflowed = false
        for byte in digits {
            let digit = byte &- 0x30
            guard digit < 10 else {
                self = .notDigits
                return
            }
            if !overflowed {
                let (times, o1) = total.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int64(digit))
                overflowed = o1 || o2
                total = sum
            }
        }
        self = overflowed ? .tooLarge : .value(total)
    }
}

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The last string made for each column, with a copy of its bytes.
///
/// Most columns repeat from one row to the next (rows are grouped by study and series, and a cohort or a
/// modality spans thousands of rows), so comparing the bytes with the previous value and sharing it saves
/// an allocation and a UTF-8 check for most fields, and the records share storage downstream too. The
/// bytes are kept apart from the strings so the comparison touches no reference counts.
final class RepeatedValueCache {
    private struct Slot {
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0
        var string = ""
    }

    private var slots: UnsafeMutablePointer<Slot>
    private let slotCount = InventoryColumn.allCases.count

    init() {
        slots = .allocate(capacity: slotCount)
        for index in 0..<slotCount {
            (slots + index).initialize(to: Slot(bytes: .allocate(capacity: 64), capacity: 64))
        }
    }

    deinit {
        for index in 0..<slotCount { slots[index].bytes.deallocate() }
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    /// The string for `bytes` in `column`, or nil when the bytes are not UTF-8 and the column is one that
    /// identifies an instance: a repaired key would no longer match the object it names. Other columns
    /// are only shown, so invalid bytes there become U+FFFD.
    func string(_ column: InventoryColumn, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        // Keys and SOP Instance UIDs are unique by definition; comparing them would only cost time.
        let repeats = column != .inputKey && column != .sopInstanceUID
        let slot = slots + column.rawValue
        if repeats && slot.pointee.count == bytes.count && memcmp(slot.pointee.bytes, base, bytes.count) == 0 {
            return slot.pointee.string
        }
        let made: String
        if bytes.isASCII {
            made = String(decoding: bytes, as: UTF8.self)
        } else if column.isRequired {
            guard let valid = String(validating: bytes, as: UTF8.self) else { return nil }
            made = valid
        } else {
            made = String(decoding: bytes, as: UTF8.self)
        }
        if repeats {
            if slot.pointee.capacity < bytes.count {
                slot.pointee.bytes.deallocate()
                slot.pointee.capacity = max(bytes.count, slot.pointee.capacity * 2)
                slot.pointee.bytes = .allocate(capacity: slot.pointee.capacity)
            }
            slot.pointee.bytes.update(from: base, count: bytes.count)
            slot.pointee.count = bytes.count
            slot.pointee.string = made
        }
        return made
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether every byte is ASCII, checked eight at a time: ASCII text is valid UTF-8 with no further look.
    fileprivate var isASCII: Bool {
        guard let base = baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}

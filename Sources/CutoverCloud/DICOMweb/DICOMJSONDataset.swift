import CutoverFormats

/// One data set in the DICOM JSON model (PS3.18 F.2): attributes keyed by their tag as eight hex digits, each an
/// object with a `vr` and, when the attribute has a value, a `Value` array.
///
/// ```swift
/// let study = DICOMJSONDataset(json)  // {"0020000D": {"vr": "UI", "Value": ["1.2.3"]}, …}
/// study.string(.studyInstanceUID)     // "1.2.3"
/// ```
///
/// Accessors are forgiving: an absent attribute, one without `Value`, or a value of another type reads as `nil`,
/// because QIDO-RS servers differ in which optional attributes they return and how.
public struct DICOMJSONDataset: Sendable, Equatable {
    /// The attributes by tag, upper-cased (`"0020000D"`).
    public let attributes: [String: JSONValue]

    /// Nil when `json` is not an object.
    public init?(_ json: JSONValue) {
        guard let members = json.object else { return nil }
        var attributes: [String: JSONValue] = [:]
        for (key, value) in members { attributes[key.uppercased()] = value }
        self.attributes = attributes
    }

    /// The attribute's value representation (`"UI"`, `"PN"`, …).
    public func vr(_ tag: DICOMTag) -> String? { attributes[tag.key]?["vr"]?.string }

    /// Every value of the attribute as text: strings as they are, numbers in decimal, person names as their
    /// `Alphabetic` group. Values that are `null` or of another shape are left out.
    public func strings(_ tag: DICOMTag) -> [String] {
        guard let values = attributes[tag.key]?["Value"]?.array else { return [] }
        return values.compactMap(Self.text)
    }

    /// The first value as text (see `strings`), or nil when there is none or it is empty.
    public func string(_ tag: DICOMTag) -> String? {
        guard let first = strings(tag).first, !first.isEmpty else { return nil }
        return first
    }

    /// The first value as an integer: IS values arrive as numbers from some servers and as strings from others.
    public func int(_ tag: DICOMTag) -> Int? {
        guard let first = attributes[tag.key]?["Value"]?[0] else { return nil }
        if let number = first.int { return number }
        if let text = first.string { return Int(text.trimmingSpaces) }
        return nil
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .object:
            // A person name: the alphabetic group, else the ideographic or phonetic one.
            return value["Alphabetic"]?.string ?? value["Ideographic"]?.string ?? value["Phonetic"]?.string
        default: return nil
        }
    }
}

/// A data element tag as the DICOM JSON model writes it.
public struct DICOMTag: Sendable, Hashable, CustomStringConvertible {
    /// Eight upper-case hex digits, group then element.
    public let key: String

    public init(_ group: UInt16, _ element: UInt16) {
        key = Self.hex(group) + Self.hex(element)
    }

    public var description: String { "(\(key.prefix(4)),\(key.suffix(4)))" }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    public static let sopClassUID = DICOMTag(0x0008, 0x0016)
    public static let sopInstanceUID = DICOMTag(0x0008, 0x0018)
    public static let studyDate = DICOMTag(0x0008, 0x0020)
    public static let accessionNumber = DICOMTag(0x0008, 0x0050)
    public static let modality = DICOMTag(0x0008, 0x0060)
    public static let patientName = DICOMTag(0x0010, 0x0010)
    public static let patientID = DICOMTag(0x0010, 0x0020)
    public static let studyInstanceUID = DICOMTag(0x0020, 0x000D)
    public static let seriesInstanceUID = DICOMTag(0x0020, 0x000E)
    public static let numberOfStudyRelatedSeries = DICOMTag(0x0020, 0x1206)
    public static let numberOfStudyRelatedInstances = DICOMTag(0x0020, 0x1208)
    public static let numberOfSeriesRelatedInstances = DICOMTag(0x0020, 0x1209)
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

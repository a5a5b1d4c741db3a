/// Patient identifiers (PatientID, PatientName, AccessionNumber) as shown by default: the first character and
/// the last two, the rest starred (`P****23`), so two values can be told apart without being read.
public enum PatientMask {
    public static func mask(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return value }
        let characters = Array(value)
        guard characters.count > 4 else { return String(repeating: "*", count: characters.count) }
        return String(characters[0]) + String(repeating: "*", count: characters.count - 3)
            + String(characters[(characters.count - 2)...])
    }
}

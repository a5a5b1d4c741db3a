/// Field readers shared by the decoders, for the type drift between AHI sources (reference §9).
extension JSONValue {
    /// A boolean, also from the strings `"true"`/`"false"` (any case), which hand-written event samples use.
    var lenientBool: Bool? {
        switch self {
        case .bool(let flag):
            return flag
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A non-empty string, or nil: an empty identifier identifies nothing.
    var nonEmptyString: String? {
        guard case .string(let text) = self, !text.isEmpty else { return nil }
        return text
    }
}

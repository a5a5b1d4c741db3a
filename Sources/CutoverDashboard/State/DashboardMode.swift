/// Who is looking: a person who may act, a person who may only look, or a screen on the wall.
public enum DashboardMode: Equatable, Sendable {
    case interactive
    case readOnly
    case wallboard

    /// Why a mutating command does nothing in this mode; nil when it may act.
    public var refusal: String? {
        switch self {
        case .interactive: nil
        case .readOnly: "read-only session (opened with --read-only)"
        case .wallboard: "the wallboard never acts"
        }
    }

    public var badge: String? {
        switch self {
        case .interactive: nil
        case .readOnly: "READ-ONLY"
        case .wallboard: "WALLBOARD"
        }
    }
}

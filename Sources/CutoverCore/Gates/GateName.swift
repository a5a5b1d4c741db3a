/// The four cutover gates of product §4, in the order they are shown and evaluated.
public enum GateName: String, CaseIterable, Sendable {
    case hierarchy, parity, review, obligations
}

/// `pending`: the gate's data is not complete yet; `pass`; `hold`: a signal is present.
public enum GateStatus: String, Sendable {
    case pending, pass, hold
}

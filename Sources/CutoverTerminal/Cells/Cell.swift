/// One terminal cell: a grapheme cluster and its role.
///
/// A wide character occupies its cell and the next; the next is a continuation cell that draws nothing.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A key press, decoded by the backend; `resize` arrives as a key, as it does from ncurses.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case resize
}

/// What a theme file says about one role; a field left out is inherited from the base theme.
public struct RoleSpec: Equatable, Sendable {
    public var fg: ColorSpec?
    public var bg: ColorSpec?
    /// Attribute names, each one of `ThemeFile.attributeNames`; an empty list clears the base theme's.
    public var attrs: [String]?

    public init(fg: ColorSpec? = nil, bg: ColorSpec? = nil, attrs: [String]? = nil) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}

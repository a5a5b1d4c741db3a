import CutoverFormats

/// Reduces a theme colour to a palette index the terminal has: 256 → 16 → 8 → none.
///
/// Named colours and indices 0–15 stay symbolic as long as possible, so the user's own terminal palette
/// decides what "red" looks like; only `#rrggbb` and indices 16–255 are matched by distance, against xterm's
/// default RGB values.
enum ColorLadder {
    /// nil means the terminal's own colour.
    static func index(of color: ColorSpec, depth: ColorDepth) -> Int? {
        switch color {
        case .terminalDefault: return nil
        case .ansi(let ansi): return reduceBasic(ansi.rawValue, depth: depth)
        case .indexed(let index) where index < 16: return reduceBasic(index, depth: depth)
        case .indexed(let index):
            if depth == .palette256 { return index }
            return nearestBasic(rgb(ofIndex: index), depth: depth)
        case .rgb(let r, let g, let b):
            let value = RGB(Int(r), Int(g), Int(b))
            if depth == .palette256 { return nearest256(value) }
            return nearestBasic(value, depth: depth)
        }
    }

    /// Bright colours fall to their plain twins at eight colours, except bright black: plain black is usually
    /// the background itself, so grey text would vanish; the terminal's own colour stays readable instead.
    private static func reduceBasic(_ index: Int, depth: ColorDepth) -> Int? {
        switch depth {
        case .mono: return nil
        case .eight: return index < 8 ? index : (index == 8 ? nil : index - 8)
        case .sixteen, .palette256: return index
        }
    }

    private static func nearestBasic(_ color: RGB, depth: ColorDepth) -> Int? {
        switch depth {
        case .mono: return nil
        case .eight: return nearest(color, among: 0..<8)
        case .sixteen, .palette256: return nearest(color, among: 0..<16)
        }
    }

    private static func nearest(_ color: RGB, among indices: Range<Int>) -> Int {
        indices.min { basic[$0].distance(to: color) < basic[$1].distance(to: color) } ?? 0
    }

    /// The closest colour of the 6×6×6 cube (16–231) or the grey ramp (232–255); 0–15 are left out because
    /// users retheme them.
    static func nearest256(_ color: RGB) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let (r, g, b) = (level(color.r), level(color.g), level(color.b))
        let cube = RGB(cubeLevels[r], cubeLevels[g], cubeLevels[b])
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let average = (color.r + color.g + color.b) / 3
        let step = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * step
        if RGB(grey, grey, grey).distance(to: color) < cube.distance(to: color) { return 232 + step }
        return cubeIndex
    }

    static func rgb(ofIndex index: Int) -> RGB {
        switch index {
        case 0..<16: return basic[index]
        case 16..<232:
            let n = index - 16
            return RGB(cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
        default:
            let v = 8 + 10 * (index - 232)
            return RGB(v, v, v)
        }
    }

    struct RGB: Equatable {
        var r, g, b: Int
        init(_ r: Int, _ g: Int, _ b: Int) { (self.r, self.g, self.b) = (r, g, b) }

        func distance(to other: RGB) -> Int {
            let (dr, dg, db) = (r - other.r, g - other.g, b - other.b)
            return dr * dr + dg * dg + db * db
        }
    }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// xterm's defaults for the sixteen; real terminals differ, which is why names are never matched by RGB.
    private static let basic: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
}

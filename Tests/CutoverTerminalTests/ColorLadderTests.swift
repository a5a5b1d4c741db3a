import CutoverFormats
import Testing

@testable import CutoverTerminal

@Suite struct ColorLadderTests {
    struct Step: CustomTestStringConvertible, Sendable {
        let name: String
        let color: ColorSpec
        let depth: ColorDepth
        let index: Int?
        var testDescription: String { name }
    }

    static let vermillion = ColorSpec(string: "#d55e00")!
    static let skyBlue = ColorSpec(string: "#56B4E9")!

    static let steps: [Step] = [
        Step(name: "vermillion is cube 166 at 256", color: vermillion, depth: .palette256, index: 166),
        Step(name: "vermillion is red at 16", color: vermillion, depth: .sixteen, index: 1),
        Step(name: "vermillion is red at 8", color: vermillion, depth: .eight, index: 1),
        Step(name: "vermillion has no colour at mono", color: vermillion, depth: .mono, index: nil),
        Step(name: "sky blue is cube 74 at 256", color: skyBlue, depth: .palette256, index: 74),
        Step(name: "sky blue is bright blue at 16", color: skyBlue, depth: .sixteen, index: 12),
        Step(name: "sky blue is cyan at 8", color: skyBlue, depth: .eight, index: 6),
        Step(name: "mid grey is on the grey ramp", color: .rgb(red: 128, green: 128, blue: 128), depth: .palette256,
             index: 244),
        Step(name: "black is the cube's corner", color: .rgb(red: 0, green: 0, blue: 0), depth: .palette256, index: 16),
        Step(name: "white is the cube's far corner", color: .rgb(red: 255, green: 255, blue: 255), depth: .palette256,
             index: 231),
        Step(name: "a name keeps its index at 256", color: .ansi(.brightRed), depth: .palette256, index: 9),
        Step(name: "a name keeps its index at 16", color: .ansi(.brightRed), depth: .sixteen, index: 9),
        Step(name: "a bright name falls to its twin at 8", color: .ansi(.brightRed), depth: .eight, index: 1),
        Step(name: "bright black falls to the terminal's colour at 8", color: .ansi(.brightBlack), depth: .eight,
             index: nil),
        Step(name: "a plain name stays at 8", color: .ansi(.cyan), depth: .eight, index: 6),
        Step(name: "index 208 stays at 256", color: .indexed(208), depth: .palette256, index: 208),
        Step(name: "index 208 (orange) is yellow at 16", color: .indexed(208), depth: .sixteen, index: 3),
        Step(name: "index 208 is yellow at 8", color: .indexed(208), depth: .eight, index: 3),
        Step(name: "index 12 falls to 4 at 8", color: .indexed(12), depth: .eight, index: 4),
        Step(name: "grey index 250 is white at 16", color: .indexed(250), depth: .sixteen, index: 7),
        Step(name: "default stays the terminal's own", color: .terminalDefault, depth: .palette256, index: nil),
    ]

    @Test(arguments: steps)
    func colourStepsDownTheLadder(_ step: Step) {
        #expect(ColorLadder.index(of: step.color, depth: step.depth) == step.index)
    }

    @Test func everyIndexRoundTripsAt256() {
        for index in 16...255 {
            let rgb = ColorLadder.rgb(ofIndex: index)
            let back = ColorLadder.nearest256(rgb)
            #expect(ColorLadder.rgb(ofIndex: back) == rgb, "index \(index)")
        }
    }

    @Test func themesResolveThroughTheLadder() throws {
        let okabe = try #require(Theme.builtIn(named: "okabe-ito"))
        #expect(okabe.resolve(.critical, depth: .palette256) == ResolvedStyle(foreground: 166))
        #expect(okabe.resolve(.critical, depth: .eight) == ResolvedStyle(foreground: 1))
        #expect(Theme.default.resolve(.header, depth: .sixteen) == ResolvedStyle(foreground: 15, background: 4))
        #expect(Theme.default.resolve(.header, depth: .eight) == ResolvedStyle(foreground: 7, background: 4))
    }
}

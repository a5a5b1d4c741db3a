import CutoverTerminal
import Testing

@testable import CutoverDashboard

@Suite struct CommandTableTests {
    @Test func noKeyIsBoundTwice() {
        var seen: [Key: CommandID] = [:]
        for command in CommandTable.all {
            for key in command.keys {
                #expect(seen[key] == nil, "\(key) is bound to \(seen[key].map { "\($0)" } ?? "") and \(command.id)")
                seen[key] = command.id
            }
        }
    }

    @Test func everyCommandIdHasOneRow() {
        #expect(Set(CommandTable.all.map(\.id)) == Set(CommandID.allCases))
        #expect(CommandTable.all.count == CommandID.allCases.count)
    }

    @Test func productKeysAreBoundAsSpecified() {
        let expected: [(Character, CommandID)] = [
            ("/", .filter), ("s", .sort), ("?", .help), ("h", .hold), ("u", .release), ("r", .retry), ("A", .approve),
            ("x", .triage), ("e", .export), ("p", .revealPHI), ("q", .quit), ("g", .top), ("G", .bottom),
        ]
        for (key, id) in expected {
            #expect(CommandTable.command(for: .character(key), mode: .interactive)?.id == id, "\(key)")
        }
    }

    @Test func everyConfirmationMatchesItsDamage() {
        let tiers = Dictionary(uniqueKeysWithValues: CommandTable.all.map { ($0.id, $0.confirmation) })
        #expect(tiers[.approve] == .typeName)
        #expect(tiers[.hold] == .reason)
        #expect(tiers[.retry] == .yesNo)
        #expect(tiers[.revealPHI] == .yesNo)
        #expect(CommandTable.all.filter { !$0.mutates }.allSatisfy { $0.confirmation == .none })
    }
}

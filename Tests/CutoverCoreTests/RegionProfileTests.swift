import CutoverCore
import Testing

struct RegionProfileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var id: String
        var allowedRegions: Set<String>?
        var itemIDs: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "au restricts to ap-southeast-2 and asks for the Australian items", id: "au",
            allowedRegions: ["ap-southeast-2"],
            itemIDs: [
                "irap-scope", "backups-restore", "exit-terms", "mhr-sharing", "retention", "sample-ohif",
                "sample-radiant",
            ]),
        Case(
            name: "generic allows any region and asks for backups, exit, retention and samples", id: "generic",
            allowedRegions: nil,
            itemIDs: ["backups-restore", "exit-terms", "retention", "sample-ohif", "sample-radiant"]),
    ]

    @Test(arguments: cases)
    func builtIn(_ example: Case) throws {
        let profile = try #require(RegionProfile.builtIn(example.id, consumers: [Fixture.ohif, Fixture.radiant]))
        #expect(profile.id == example.id)
        #expect(profile.allowedRegions == example.allowedRegions)
        #expect(profile.items.map(\.id) == example.itemIDs)
        #expect(profile.retentionDays == 90)
    }

    @Test func unknownProfileIsNil() {
        #expect(RegionProfile.builtIn("nz", consumers: []) == nil)
    }

    @Test func myHealthRecordItemMentionsTheJuly2026Default() throws {
        let profile = try #require(RegionProfile.builtIn("au", consumers: []))
        let item = try #require(profile.items.first { $0.id == "mhr-sharing" })
        #expect(item.text.contains("July 2026"))
        #expect(item.text.contains("pathology and diagnostic imaging reports"))
    }

    @Test func retentionItemNamesTheDays() throws {
        let profile = try #require(RegionProfile.builtIn("generic", consumers: [], retentionDays: 1))
        #expect(profile.retentionDays == 1)
        #expect(profile.items.first { $0.id == "retention" }?.text.contains("until 1 day after approval") == true)
    }

    @Test func oneSampleItemPerConsumerName() throws {
        let twin = Consumer(name: "ohif", kind: "viewer", decodes: [])
        let profile = try #require(RegionProfile.builtIn("generic", consumers: [Fixture.ohif, twin, Fixture.radiant]))
        #expect(profile.items.filter { $0.id.hasPrefix("sample-") }.map(\.id) == ["sample-ohif", "sample-radiant"])
    }
}

import CutoverFormats
import Testing

/// `cutover.toml`: what is read, and one sentence with file and line for what is wrong.
@Suite struct ConfigTests {
    @Test func theInitTemplateParsesWithItsDefaults() throws {
        let config = try CutoverConfig.parse(ConfigTemplate.text, path: "/srv/cutover/cutover.toml")
        #expect(config.twoPersonApproval)
        #expect(config.retentionDays == 90)
        #expect(config.consumers.map(\.name) == ["diagnostic-viewer"])
        #expect(config.consumers[0].decodes.contains("1.2.840.10008.1.2.4.202"))
        #expect(config.cohorts.map(\.regionProfile) == ["au"])
        #expect(config.localPaths == ["/srv/cutover/jobs", "/srv/cutover/events"])
    }

    @Test(arguments: [
        ("[sources.local]\npathz = [\"jobs\"]\n", "cutover.toml:2: unknown key pathz in [sources.local]; expected one of interval_seconds, paths"),
        ("[migration]\nname = 3\n", "cutover.toml:2: migration.name must be a string"),
        ("[migration]\ntwo_person_approval = \"yes\"\n", "cutover.toml:2: migration.two_person_approval must be true or false"),
        ("[[consumers]]\nname = \"ai\"\nkind = \"robot\"\n", "cutover.toml:3: consumers.kind must be viewer, workstation or ai"),
        ("[[datastores]]\nid = \"x\"\nlossless_storage_format = \"PNG\"\n",
         "cutover.toml:3: lossless_storage_format must be HTJ2K or JPEG_2000_LOSSLESS"),
        ("[sources.local]\ninterval_seconds = 0\n", "cutover.toml:2: sources.local.interval_seconds must be a positive number"),
        ("colour = \"blue\"\n", "cutover.toml:1: unknown key colour; expected one of cohorts, consumers, datastores, inventory, migration, region_profiles, sources"),
        ("[migration\nname = \"x\"\n", "cutover.toml:1:"),
    ])
    func aWrongKeyTypeOrValueIsOneSentenceWithFileAndLine(text: String, message: String) {
        #expect {
            _ = try CutoverConfig.parse(text, path: "cutover.toml")
        } throws: { error in
            (error as? ConfigError).map { $0.description.hasPrefix(message) } ?? false
        }
    }

    @Test func regionProfilesCanBeDefined() throws {
        let text = """
            [[region_profiles]]
            id = "nz"
            allowed_regions = ["ap-southeast-2"]
            retention_days = 365
            [[region_profiles.items]]
            id = "hisf"
            text = "HISF controls reviewed"
            """
        let profile = try #require(try CutoverConfig.parse(text, path: "c.toml").regionProfiles.first)
        #expect(profile.id == "nz" && profile.allowedRegions == ["ap-southeast-2"] && profile.retentionDays == 365)
        #expect(profile.items.map(\.id) == ["hisf"])
    }
}

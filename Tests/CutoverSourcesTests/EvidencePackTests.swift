import CutoverCore
import CutoverSources
import CutoverStore
import Foundation
import Testing

/// The evidence pack the command line and the dashboard export.
@Suite struct EvidencePackTests {
    let fixture: ActionFixture

    init() throws { fixture = try ActionFixture() }

    @Test(arguments: [(false, "masked"), (true, "unmasked")])
    func writesTheFourFilesMaskingPatientIdentifiersUnlessAsked(_ includePHI: Bool, _ name: String) throws {
        try CohortActions.perform(
            .hold, cohort: "ed", reason: "check", expectedRevision: nil, actor: Actor(name: "ana"),
            database: fixture.database, config: nil)
        let pack = try EvidencePack(
            database: fixture.database, config: nil, cohort: "ed", includePHI: includePHI, now: 1_800_000_000)
        let out = fixture.folder.appendingPathComponent("pack-\(name)").path
        let paths = try pack.write(to: out)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == EvidencePack.fileNames)
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Cutover record: ed"))
        #expect(markdown.contains("**held** (check)"))
        #expect(markdown.contains("| S1 | P1 | ACC1 |") == includePHI, "\(name)")
        #expect(markdown.contains("| S1 |"))
        let csv = try String(contentsOfFile: out + "/findings.csv", encoding: .utf8)
        #expect(csv.hasPrefix(FindingsCSV.header))
        #expect(csv.split(separator: "\n").count == 3)
        let audit = try String(contentsOfFile: out + "/audit.ndjson", encoding: .utf8)
        #expect(audit.split(separator: "\n").count == 1 && audit.contains(#""action":"hold""#))
    }
}

import CutoverFormats
import CutoverStore
import Foundation
import Testing

/// The edge PACS's counts per study, replaced per source, and compared with the inventory.
@Suite struct PacsComparisonTests {
    let store: TemporaryDatabase

    init() throws { store = try TemporaryDatabase() }

    func addInventory(_ study: String, series: Int, instancesEach: Int) throws {
        try store.database.inventory { writer in
            for s in 1...series {
                for i in 1...instancesEach {
                    try writer.add(
                        InventoryRecord(
                            inputKey: "in/\(study)/\(s)/\(i).dcm", studyInstanceUID: study,
                            seriesInstanceUID: "\(study).\(s)", sopInstanceUID: "\(study).\(s).\(i)"))
                }
            }
        }
    }

    @Test func aRunReplacesItsSourceOnlyAndTotalsAddUp() throws {
        let db = store.database
        try db.replacePacsStudies(
            source: "http://a", studies: [.init(studyInstanceUID: "1", series: 2, instances: 5)], fetchedAt: Date())
        try db.replacePacsStudies(
            source: "http://b", studies: [.init(studyInstanceUID: "9", series: 1, instances: 1)], fetchedAt: Date())
        try db.replacePacsStudies(
            source: "http://a",
            studies: [
                .init(studyInstanceUID: "2", series: 1, instances: 3), .init(studyInstanceUID: "3", series: 2, instances: 4),
            ], fetchedAt: Date())
        #expect(try db.pacsTotals(source: "http://a") == LevelCounts(studies: 2, series: 3, instances: 7))
        #expect(try db.pacsStudies(source: "http://a").map(\.studyInstanceUID) == ["2", "3"])
        #expect(try db.pacsTotals(source: "http://b") == LevelCounts(studies: 1, series: 1, instances: 1))
        #expect(try db.pacsSources().map(\.source) == ["http://a", "http://b"])
    }

    @Test func theComparisonNamesStudiesOnOneSideOnlyAndDifferentCounts() throws {
        try addInventory("1.1", series: 2, instancesEach: 2)  // matches
        try addInventory("1.2", series: 1, instancesEach: 3)  // PACS has 4
        try addInventory("1.3", series: 1, instancesEach: 1)  // inventory only
        try store.database.replacePacsStudies(
            source: "http://pacs",
            studies: [
                .init(studyInstanceUID: "1.1", series: 2, instances: 4),
                .init(studyInstanceUID: "1.2", series: 1, instances: 4),
                .init(studyInstanceUID: "1.4", series: 3, instances: 9),
            ], fetchedAt: Date(timeIntervalSince1970: 1000))
        let comparison = try store.database.pacsComparison(source: "http://pacs")
        #expect(comparison.fetchedAt == 1000)
        #expect(comparison.pacs == LevelCounts(studies: 3, series: 6, instances: 17))
        #expect(comparison.inventory == LevelCounts(studies: 3, series: 4, instances: 8))
        #expect(comparison.matchingStudies == 1)
        #expect(
            comparison.onlyInPacs == [
                .init(studyInstanceUID: "1.4", pacs: .init(studies: 1, series: 3, instances: 9), inventory: nil)
            ])
        #expect(
            comparison.onlyInInventory == [
                .init(studyInstanceUID: "1.3", pacs: nil, inventory: .init(studies: 1, series: 1, instances: 1))
            ])
        #expect(
            comparison.countDifferences == [
                .init(
                    studyInstanceUID: "1.2", pacs: .init(studies: 1, series: 1, instances: 4),
                    inventory: .init(studies: 1, series: 1, instances: 3))
            ])
    }

    @Test func aSourceNeverCountedComparesAsEmpty() throws {
        let comparison = try store.database.pacsComparison(source: "http://nowhere")
        #expect(comparison.fetchedAt == nil)
        #expect(comparison.pacs == LevelCounts())
        #expect(comparison.differences.isEmpty)
    }
}

import CutoverFormats
import GRDB
import Testing

@testable import CutoverStore

/// The reading thread packs inventory records into one buffer; the writer reads them back value by value.
@Suite struct PackedInventoryRecordsTests {
    @Test func valuesComeBackAsPackedWithMissingAndEmptyKeptApart() throws {
        var packed = PackedInventoryRecords()
        packed.append(
            InventoryRecord(
                inputKey: "input/ed/S1/A/1.dcm", studyInstanceUID: "1.2.3", seriesInstanceUID: "1.2.3.4",
                sopInstanceUID: "1.2.3.4.5", sopClassUID: "", numberOfFrames: 3, patientName: "MÜLLER^JÖRG",
                cohort: "ed"))
        packed.append(
            InventoryRecord(
                inputKey: "k2", studyInstanceUID: "9", seriesInstanceUID: "9.1", sopInstanceUID: "9.1.1",
                sizeBytes: 1 << 40))
        #expect(packed.count == 2)
        var seen: [[String?]] = []
        var numbers: [[Int64?]] = []
        packed.forEach { record in
            seen.append(PackedInventoryRecords.Field.allCases.map { record[$0].map { String(decoding: $0, as: UTF8.self) } })
            numbers.append([record.numbers.frames, record.numbers.size])
        }
        #expect(seen == [
            ["input/ed/S1/A/1.dcm", "1.2.3", "1.2.3.4", "1.2.3.4.5", "", nil, nil, nil, "MÜLLER^JÖRG", nil, nil, "ed"],
            ["k2", "9", "9.1", "9.1.1", nil, nil, nil, nil, nil, nil, nil, nil],
        ])
        #expect(numbers == [[3, nil], [nil, 1 << 40]])
    }

    @Test func theWriterStoresPackedValuesAsTheyWere() throws {
        let store = try TemporaryDatabase()
        var packed = PackedInventoryRecords()
        packed.append(
            InventoryRecord(
                inputKey: "input/ed/S1/A/1.dcm", studyInstanceUID: "1.2.3", seriesInstanceUID: "1.2.3.4",
                sopInstanceUID: "1.2.3.4.5", sopClassUID: "", patientName: "MÜLLER^JÖRG", cohort: "ed"))
        try store.database.inventory { try $0.add(packed) }
        let row = try #require(
            try store.database.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT i.key, st.uid AS study, i.sop_class_uid, i.transfer_syntax_uid, i.patient_name, c.name
                        FROM inventory i JOIN studies st ON st.id = i.study JOIN cohorts c ON c.id = i.cohort
                        """)
            })
        #expect(row["key"] == "input/ed/S1/A/1.dcm")
        #expect(row["study"] == "1.2.3")
        #expect(row["sop_class_uid"] == "")
        #expect(row["transfer_syntax_uid"] == nil as String?)
        #expect(row["patient_name"] == "MÜLLER^JÖRG")
        #expect(row["name"] == "ed")
    }
}

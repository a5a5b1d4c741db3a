import Foundation
import Testing

@testable import CutoverDemo

@Suite("Source inventory and configuration")
struct InventoryTests {
    let folder = Fixture.demo

    @Test("the header names the interchange columns in order, and every row has all of them")
    func headerAndColumns() {
        let (header, rows) = folder.inventory()
        #expect(
            header == [
                "input_key", "study_instance_uid", "series_instance_uid", "sop_instance_uid", "sop_class_uid",
                "transfer_syntax_uid", "modality", "number_of_frames", "size_bytes", "patient_id", "patient_name",
                "accession_number", "study_date", "cohort",
            ])
        #expect(rows.count == Fixture.demoPlan.sourceInstanceCount)
        #expect(rows.allSatisfy { $0.count == 14 })
        #expect(Set(rows.map { $0[0] }).count == rows.count, "input keys are unique")
    }

    @Test("names with commas or quotes are quoted and read back whole")
    func csvQuoting() {
        let raw = folder.text("inventory/source-inventory.csv")
        #expect(raw.contains(", JR^"))
        let names = folder.inventory().rows.map { $0[10] }
        #expect(names.contains { $0.contains(", JR^") })
        #expect(names.allSatisfy { $0.contains("^") })
    }

    @Test("UIDs are valid DICOM UIDs and the modalities, classes and syntaxes are realistic")
    func uidsAndVocabulary() {
        let rows = folder.inventory().rows
        func isUID(_ s: String) -> Bool {
            s.count <= 64 && !s.isEmpty
                && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                    !$0.isEmpty && $0.allSatisfy(\.isNumber) && ($0 == "0" || !$0.hasPrefix("0"))
                }
        }
        #expect(rows.allSatisfy { isUID($0[1]) && isUID($0[2]) && isUID($0[3]) && isUID($0[4]) && isUID($0[5]) })
        #expect(rows.allSatisfy { $0[1].hasPrefix("1.2.826.0.1.3680043.10.543.") })
        #expect(Set(rows.map { $0[6] }).isSuperset(of: ["CT", "MR", "CR", "DX", "US", "MG", "PT", "SR"]))
        let syntaxes = Set(rows.map { $0[5] })
        #expect(
            syntaxes.isSuperset(of: [
                "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70",
                "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.102",
            ]))
        #expect(rows.allSatisfy { ($0[6] == "SR") == $0[7].isEmpty })
        #expect(rows.contains { (Int($0[7]) ?? 0) > 1 && $0[6] == "US" })
        #expect(rows.contains { (Int($0[7]) ?? 0) > 1 && $0[6] == "MG" })
        #expect(rows.allSatisfy { (Int($0[8]) ?? 0) > 0 })
        #expect(rows.allSatisfy { $0[12].count == 8 && Int($0[12]) != nil })
    }

    @Test("input keys sit under their cohort's prefix as input/<cohort>/<batch>/<study>/<series>/<file>.dcm")
    func keyLayout() {
        for row in folder.inventory().rows {
            let parts = row[0].split(separator: "/")
            #expect(parts.count == 6 && parts[0] == "input" && parts[1] == row[13] && parts[5].hasSuffix(".dcm"))
        }
    }

    @Test("five cohorts, research-2024 among them, each with a cohort block in cutover.toml")
    func cohorts() {
        let toml = folder.text("cutover.toml")
        let cohorts = Set(folder.inventory().rows.map { $0[13] })
        #expect(cohorts.count >= 5 && cohorts.contains("research-2024"))
        for cohort in cohorts {
            #expect(
                toml.contains(
                    "[[cohorts]]\nname = \"\(cohort)\"\nprefix = \"input/\(cohort)/\"\nregion_profile = \"au\""))
        }
        #expect(toml.hasPrefix("# cutover configuration for the generated demo migration (cutover demo).\n"))
        #expect(toml.contains("[[datastores]]\nid = \"\(Fixture.demoPlan.datastoreId)\"\nregion = \"ap-southeast-2\""))
        #expect(toml.contains("[sources.local]\npaths = [\"jobs\", \"api\", \"events\"]\ninterval_seconds = 5"))
        #expect(toml.contains("[inventory]\nfiles = [\"inventory/source-inventory.csv\"]"))
    }

    @Test("no job covers more than 5,000 files, and demo jobs cover at least 50")
    func jobSizes() {
        for job in Fixture.demoPlan.jobs {
            #expect(job.instanceCount <= 5_000, "\(job.name)")
            #expect(job.instanceCount >= 50, "\(job.name)")
        }
    }
}

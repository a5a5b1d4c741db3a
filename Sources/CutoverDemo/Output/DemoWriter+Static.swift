import Foundation

/// The files that do not change while the migration runs: the configuration and the source inventory.
extension DemoWriter {
    static let inventoryPath = "inventory/source-inventory.csv"
    static let inventoryColumns = [
        "input_key", "study_instance_uid", "series_instance_uid", "sop_instance_uid", "sop_class_uid",
        "transfer_syntax_uid", "modality", "number_of_frames", "size_bytes", "patient_id", "patient_name",
        "accession_number", "study_date", "cohort",
    ]

    func configText() -> String {
        var text = """
            # cutover configuration for the generated demo migration (cutover demo).
            # Seed \(plan.seed); every id, name and outcome below the folders is derived from it.
            [migration]
            name = "Demo: St Elsewhere PACS to AWS HealthImaging"
            two_person_approval = true
            retention_days = 90

            [[datastores]]
            id = "\(plan.datastore)"
            region = "\(DemoPlan.region)"
            lossless_storage_format = "HTJ2K"

            [sources.local]
            paths = ["jobs", "api", "events"]
            interval_seconds = 5

            [inventory]
            files = ["\(Self.inventoryPath)"]

            # Who reads the images after cutover, and the stored transfer syntaxes each decodes.
            [[consumers]]
            name = "radiology-viewer"
            kind = "viewer"
            decodes = ["1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.91",
                       "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.1"]

            [[consumers]]
            name = "reporting-workstation"
            kind = "workstation"
            decodes = ["1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.91",
                       "1.2.840.10008.1.2.1"]

            [[consumers]]
            name = "fracture-ai"
            kind = "ai"
            decodes = ["1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.1"]

            """
        for cohort in plan.cohorts {
            text += """

                [[cohorts]]
                name = "\(cohort.name)"
                prefix = "\(cohort.inputPrefix)"
                region_profile = "au"

                """
        }
        return text
    }

    /// One row per source instance, streamed in large chunks: at bench scale the file is hundreds of
    /// megabytes and must never be held in memory whole.
    func writeInventory() throws {
        try folder.replace(Self.inventoryPath) { handle in
            var out = ByteBuffer(capacity: 8 << 20)
            out.append(Self.inventoryColumns.joined(separator: ","))
            out.append(byte: 10)
            for study in plan.studies {
                let tail = studyColumns(study)
                for si in study.seriesRange {
                    let s = plan.series[si]
                    let keyPrefix = Array(plan.seriesKeyPrefix(s).utf8)
                    var shared = ByteBuffer()
                    shared.append(byte: 44)
                    plan.appendStudyUID(uidStudy: study.uidStudy, to: &shared)
                    shared.append(byte: 44)
                    plan.appendSeriesUID(uidStudy: study.uidStudy, number: s.number, to: &shared)
                    shared.append(byte: 44)
                    var kindColumns = ByteBuffer()
                    kindColumns.append(byte: 44)
                    kindColumns.append(s.kind.sopClassUID + "," + s.syntax.uid + "," + s.kind.modality + ",")
                    for i in 0..<Int(s.count) {
                        let facts = plan.facts(series: s, index: i)
                        plan.appendInputKey(prefix: keyPrefix, index: i, to: &out)
                        out.append(shared.bytes)
                        plan.appendSOPInstanceUID(uidStudy: study.uidStudy, number: s.number, index: i, to: &out)
                        out.append(kindColumns.bytes)
                        if let frames = facts.frames { out.append(frames) }
                        out.append(byte: 44)
                        out.append(facts.sizeBytes)
                        out.append(tail)
                    }
                    if out.count >= 8 << 20 {
                        try handle.write(contentsOf: Data(out.bytes))
                        out.removeAll()
                    }
                }
            }
            try handle.write(contentsOf: Data(out.bytes))
        }
    }

    /// `,patient_id,patient_name,accession_number,study_date,cohort\n`, the same for every row of a study.
    private func studyColumns(_ study: PlannedStudy) -> [UInt8] {
        var out = ByteBuffer()
        out.append(byte: 44)
        out.appendCSV(PatientIdentity.id(study.patient, resend: study.isResend))
        out.append(byte: 44)
        out.appendCSV(PatientIdentity.name(study.patient, resend: study.isResend))
        out.append(byte: 44)
        out.appendCSV(plan.accession(study))
        out.append(byte: 44)
        out.append(DemoText.dicomDate(day: Int(study.day)))
        out.append(byte: 44)
        out.appendCSV(plan.cohorts[Int(study.cohort)].name)
        out.append(byte: 10)
        return out.bytes
    }
}

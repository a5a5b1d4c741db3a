import CutoverFormats
import GRDB

/// Adds source instances to the inventory inside one write transaction, resolving each one's cohort:
/// the inventory's own `cohort` column first, then a study list, then the longest matching key prefix.
/// Re-adding a key replaces its row, so importing the same file twice changes nothing.
public final class InventoryWriter {
    let db: Database
    private let upsert: RawStatement
    private let cohortOfStudy: RawStatement
    private var cohortsByName: [String: Int64]
    private let prefixCohorts: [(prefix: String, id: Int64)]
    private let hasStudyLists: Bool
    public private(set) var written = 0

    init(db: Database) throws {
        self.db = db
        upsert = try RawStatement(
            db,
            """
            INSERT INTO inventory (key, study_uid, series_uid, sop_uid, sop_class_uid, transfer_syntax_uid, modality,
                number_of_frames, size_bytes, patient_id, patient_name, accession_number, study_date, cohort_name,
                cohort, source)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            ON CONFLICT(key) DO UPDATE SET study_uid = ?2, series_uid = ?3, sop_uid = ?4, sop_class_uid = ?5,
                transfer_syntax_uid = ?6, modality = ?7, number_of_frames = ?8, size_bytes = ?9, patient_id = ?10,
                patient_name = ?11, accession_number = ?12, study_date = ?13, cohort_name = ?14, cohort = ?15,
                source = ?16
            """)
        cohortOfStudy = try RawStatement(db, "SELECT cohort FROM cohort_studies WHERE study_uid = ? LIMIT 1")
        cohortsByName = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") {
            cohortsByName[row["name"]] = row["id"]
        }
        prefixCohorts = try Row.fetchAll(
            db, sql: "SELECT id, prefix FROM cohorts WHERE prefix IS NOT NULL ORDER BY length(prefix) DESC, name"
        ).map { ($0["prefix"], $0["id"]) }
        hasStudyLists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cohort_studies)") ?? false
    }

    public func add(_ record: InventoryRecord, source: String) throws {
        let cohort = try resolveCohort(record)
        upsert.bind(1, record.inputKey)
        upsert.bind(2, record.studyInstanceUID)
        upsert.bind(3, record.seriesInstanceUID)
        upsert.bind(4, record.sopInstanceUID)
        upsert.bind(5, record.sopClassUID)
        upsert.bind(6, record.transferSyntaxUID)
        upsert.bind(7, record.modality)
        upsert.bind(8, record.numberOfFrames)
        upsert.bind(9, record.sizeBytes)
        upsert.bind(10, record.patientID)
        upsert.bind(11, record.patientName)
        upsert.bind(12, record.accessionNumber)
        upsert.bind(13, record.studyDate)
        upsert.bind(14, record.cohort)
        upsert.bind(15, cohort)
        upsert.bind(16, source)
        try upsert.step()
        upsert.reset()
        written += 1
    }

    /// Records how far a source file was read, in the same transaction as its rows.
    public func saveCursor(_ cursor: FileCursor) throws {
        _ = try cursor.save(db)
    }

    private func resolveCohort(_ record: InventoryRecord) throws -> Int64? {
        if let name = record.cohort, !name.isEmpty {
            if let id = cohortsByName[name] { return id }
            let id = try Cohorts.create(db, name: name, prefix: nil, definedBy: "inventory", regionProfile: nil)
            cohortsByName[name] = id
            return id
        }
        if hasStudyLists {
            cohortOfStudy.bind(1, record.studyInstanceUID)
            defer { cohortOfStudy.reset() }
            if try cohortOfStudy.step() { return cohortOfStudy.int64(0) }
        }
        return prefixCohorts.first { record.inputKey.hasPrefix($0.prefix) }?.id
    }
}

extension CutoverDatabase {
    /// Adds inventory records in one write transaction.
    public func inventory<T>(_ body: (InventoryWriter) throws -> T) throws -> T {
        try write { db in try body(InventoryWriter(db: db)) }
    }
}

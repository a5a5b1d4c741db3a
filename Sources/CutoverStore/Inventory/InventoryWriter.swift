import CutoverFormats
import Foundation
import GRDB

/// Adds source instances to the inventory inside one write transaction, resolving each one's cohort:
/// the inventory's own `cohort` column first, then a study list, then the longest matching key prefix.
/// Re-adding a key replaces its row, so importing the same file twice changes nothing.
public final class InventoryWriter {
    let db: Database
    private let upsert: RawStatement
    private let cohortOfStudy: RawStatement
    private let findStudy: RawStatement
    private let insertStudy: RawStatement
    private let findSeries: RawStatement
    private let insertSeries: RawStatement
    /// The last study, series and cohort name seen: an inventory lists a series' instances together.
    private var lastStudy: (uid: [UInt8], id: Int64)?
    private var lastSeries: (uid: [UInt8], id: Int64)?
    private var lastCohortName: (name: [UInt8], id: Int64)?
    private var cohortsByName: [String: Int64]
    private let prefixCohorts: [(prefix: [UInt8], id: Int64)]
    private let hasStudyLists: Bool
    public private(set) var written = 0
    /// The record's text values and the parameters of `upsert` they go to.
    private static let textParameters: [(PackedInventoryRecords.Field, Int32)] = [
        (.inputKey, 1), (.sopInstance, 4), (.sopClass, 5), (.transferSyntax, 6), (.modality, 7), (.patientID, 10),
        (.patientName, 11), (.accessionNumber, 12), (.studyDate, 13), (.cohort, 14),
    ]

    private let bulk: Bool

    init(db: Database, bulk: Bool) throws {
        self.db = db
        self.bulk = bulk
        if bulk {
            // Half the usual cache: the index build's sorter takes as much again, and a reader's cache holds the
            // digests' pass over the table afterwards, all within the 150 MB budget. Rows come nearly in key order,
            // so the pages being filled stay in cache anyway (256 MiB here cost 400 MB of RSS for no CPU gain).
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "DROP INDEX IF EXISTS inventory_by_cohort")
        }
        upsert = try RawStatement(
            db,
            """
            INSERT INTO inventory (key, study, series, sop_uid, sop_class_uid, transfer_syntax_uid, modality,
                number_of_frames, size_bytes, patient_id, patient_name, accession_number, study_date, cohort_name,
                cohort)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            ON CONFLICT(key) DO UPDATE SET study = ?2, series = ?3, sop_uid = ?4, sop_class_uid = ?5,
                transfer_syntax_uid = ?6, modality = ?7, number_of_frames = ?8, size_bytes = ?9, patient_id = ?10,
                patient_name = ?11, accession_number = ?12, study_date = ?13, cohort_name = ?14, cohort = ?15
            """)
        cohortOfStudy = try RawStatement(db, "SELECT cohort FROM cohort_studies WHERE study_uid = ? LIMIT 1")
        findStudy = try RawStatement(db, "SELECT id FROM studies WHERE uid = ?")
        insertStudy = try RawStatement(db, "INSERT INTO studies (uid) VALUES (?)")
        findSeries = try RawStatement(db, "SELECT id FROM series WHERE uid = ?")
        insertSeries = try RawStatement(db, "INSERT INTO series (uid, study) VALUES (?, ?)")
        cohortsByName = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") {
            cohortsByName[row["name"]] = row["id"]
        }
        prefixCohorts = try Row.fetchAll(
            db, sql: "SELECT id, prefix FROM cohorts WHERE prefix IS NOT NULL ORDER BY length(prefix) DESC, name"
        ).map { (Array(($0["prefix"] as String).utf8), $0["id"]) }
        hasStudyLists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cohort_studies)") ?? false
    }

    public func add(_ record: InventoryRecord) throws {
        var one = PackedInventoryRecords(capacity: 1)
        one.append(record)
        try add(one)
    }

    /// Adds records packed by the reading thread, binding their bytes in place.
    public func add(_ records: PackedInventoryRecords) throws {
        try records.forEach { record in
            let cohort = try resolveCohort(record)
            let study = try studyID(record[.study]!)
            let series = try seriesID(record[.series]!, study: study)
            for (field, parameter) in Self.textParameters {
                if let bytes = record[field] { upsert.bind(parameter, text: bytes) } else { upsert.bindNull(parameter) }
            }
            upsert.bind(2, study)
            upsert.bind(3, series)
            upsert.bind(8, record.numbers.frames)
            upsert.bind(9, record.numbers.size)
            upsert.bind(15, cohort)
            try upsert.step()
            upsert.reset()
            written += 1
        }
    }

    private func studyID(_ uid: UnsafeRawBufferPointer) throws -> Int64 {
        if let last = lastStudy, Self.same(last.uid, uid) { return last.id }
        let id = try intern(uid, find: findStudy, insert: insertStudy) { _ in }
        lastStudy = (Array(uid), id)
        return id
    }

    private func seriesID(_ uid: UnsafeRawBufferPointer, study: Int64) throws -> Int64 {
        if let last = lastSeries, Self.same(last.uid, uid) { return last.id }
        let id = try intern(uid, find: findSeries, insert: insertSeries) { $0.bind(2, study) }
        lastSeries = (Array(uid), id)
        return id
    }

    /// The id of a UID in `studies` or `series` (both take the UID as ?1), adding it on first sight.
    private func intern(
        _ uid: UnsafeRawBufferPointer, find: RawStatement, insert: RawStatement, bindRest: (RawStatement) -> Void
    ) throws -> Int64 {
        find.bind(1, text: uid)
        defer { find.reset() }
        if try find.step() { return find.int64(0)! }
        insert.bind(1, text: uid)
        bindRest(insert)
        try insert.step()
        insert.reset()
        return insert.lastInsertRowID
    }

    private static func same(_ known: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        known.count == bytes.count
            && known.withUnsafeBytes { bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    func finish() throws {
        if bulk {
            try db.execute(sql: Schema.inventoryIndexes)
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        if written > 0 { try FindingsDeriver.deriveAll(db, now: Date().timeIntervalSince1970) }
    }

    /// Records how far a source file was read, in the same transaction as its rows.
    public func saveCursor(_ cursor: FileCursor) throws {
        _ = try cursor.save(db)
    }

    private func resolveCohort(_ record: PackedInventoryRecords.Record) throws -> Int64? {
        if let name = record[.cohort], !name.isEmpty {
            if let last = lastCohortName, Self.same(last.name, name) { return last.id }
            let text = String(decoding: name, as: UTF8.self)
            let id = try cohortsByName[text]
                ?? Cohorts.create(db, name: text, prefix: nil, definedBy: "inventory", regionProfile: nil)
            cohortsByName[text] = id
            lastCohortName = (Array(name), id)
            return id
        }
        if hasStudyLists {
            cohortOfStudy.bind(1, text: record[.study]!)
            defer { cohortOfStudy.reset() }
            if try cohortOfStudy.step() { return cohortOfStudy.int64(0) }
        }
        let key = record[.inputKey]!
        return prefixCohorts.first { key.starts(with: $0.prefix) }?.id
    }
}

extension CutoverDatabase {
    /// Adds inventory records in one write transaction. `bulk` is for large imports: the secondary indexes
    /// are rebuilt once at the end instead of being updated row by row.
    public func inventory<T>(bulk: Bool = false, _ body: (InventoryWriter) throws -> T) throws -> T {
        try write { db in
            let before = db.totalChangesCount
            let writer = try InventoryWriter(db: db, bulk: bulk)
            let value = try body(writer)
            try writer.finish()
            if db.totalChangesCount != before { try Self.advanceGeneration(db) }
            return value
        }
    }
}

import CutoverCore
import GRDB

/// Studies, series and instances.
public struct LevelCounts: Equatable, Sendable, Codable {
    public var studies: Int64
    public var series: Int64
    public var instances: Int64

    public init(studies: Int64 = 0, series: Int64 = 0, instances: Int64 = 0) {
        self.studies = studies
        self.series = series
        self.instances = instances
    }
}

/// A cohort and how far it got: what the inventory expects, what arrived, and its jobs.
///
/// An instance is imported when its current result is a success or a warning. A series is imported when
/// all its expected instances are, and a study when all its series are.
public struct CohortSummary: Equatable, Sendable, Codable {
    public var name: String
    public var definedBy: String
    public var prefix: String?
    public var regionProfile: String?
    public var expected: LevelCounts
    public var imported: LevelCounts
    /// Imported into a primary image set (what the `hierarchy` gate asks for).
    public var importedInPrimary: LevelCounts
    /// Jobs by status, matched through their `inputS3Uri` prefix.
    public var jobs: [String: Int64]
}

/// One study of a cohort: series and instances expected and imported (complete series only).
public struct StudyProgress: Equatable, Sendable {
    public var studyInstanceUID: String
    public var expected: LevelCounts
    public var imported: LevelCounts
    /// Patient identifiers of the study (PHI: mask before showing).
    public var patientID: String?
    public var patientName: String?
    public var accessionNumber: String?
}

extension CutoverDatabase {
    /// The cohort's studies, least complete first.
    public func studyProgress(cohort name: String) throws -> [StudyProgress] {
        try read { db in
            var studies: [String: StudyProgress] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT st.uid AS study, count(*) AS expected,
                           sum(CASE WHEN k.outcome IN (0, 1) THEN 1 ELSE 0 END) AS imported,
                           max(i.patient_id) AS pid, max(i.patient_name) AS pname, max(i.accession_number) AS acc
                    FROM cohorts c JOIN inventory i ON i.cohort = c.id JOIN studies st ON st.id = i.study
                    LEFT JOIN input_keys k ON k.key = i.key
                    WHERE c.name = ? GROUP BY i.study, i.series
                    """, arguments: [name])
            while let row = try rows.next() {
                let uid: String = row["study"]
                let want: Int64 = row["expected"]
                let have: Int64 = row["imported"]
                var study = studies[uid] ?? StudyProgress(
                    studyInstanceUID: uid, expected: LevelCounts(studies: 1), imported: LevelCounts(studies: 1),
                    patientID: row["pid"], patientName: row["pname"], accessionNumber: row["acc"])
                study.expected.series += 1
                study.expected.instances += want
                study.imported.instances += have
                if have == want { study.imported.series += 1 }
                study.imported.studies = study.imported.series == study.expected.series ? 1 : 0
                studies[uid] = study
            }
            return studies.values.sorted {
                let a = Double($0.imported.instances) / Double(max(1, $0.expected.instances))
                let b = Double($1.imported.instances) / Double(max(1, $1.expected.instances))
                return (a, $0.studyInstanceUID) < (b, $1.studyInstanceUID)
            }
        }
    }

    /// Every cohort's summary, by name; from the cohort digests, so cheap while the data is unchanged.
    public func cohortSummaries() throws -> [CohortSummary] {
        try cohortDigests().values.map(\.summary).sorted { $0.name < $1.name }
    }

    public func cohortSummary(named name: String) throws -> CohortSummary? {
        try cohortDigests()[name]?.summary
    }

    /// The summaries computed from the inventory and current results (what the digests hold).
    func liveCohortSummaries(_ db: Database) throws -> [CohortSummary] {
        let jobs = try jobsByCohort(db)
        return try Row.fetchAll(db, sql: "SELECT * FROM cohorts ORDER BY name").map { row in
            try summary(db, row: row, jobs: jobs[row["id"]] ?? [:])
        }
    }

    private func summary(_ db: Database, row: Row, jobs: [String: Int64]) throws -> CohortSummary {
        var expected = LevelCounts()
        var imported = LevelCounts()
        var primary = LevelCounts()
        var study: Int64?
        var studyComplete = true
        var studyInPrimary = true
        func closeStudy() {
            guard study != nil else { return }
            expected.studies += 1
            if studyComplete { imported.studies += 1 }
            if studyInPrimary { primary.studies += 1 }
        }
        let series = try Row.fetchCursor(
            db,
            sql: """
                SELECT i.study AS study, count(*) AS expected,
                       sum(CASE WHEN k.outcome IN (0, 1) THEN 1 ELSE 0 END) AS imported,
                       sum(CASE WHEN k.outcome IN (0, 1) AND coalesce(s.is_primary, 1) = 1 THEN 1 ELSE 0 END) AS in_primary
                FROM inventory i LEFT JOIN input_keys k ON k.key = i.key LEFT JOIN image_sets s ON s.id = k.image_set
                WHERE i.cohort = ? GROUP BY i.study, i.series ORDER BY i.study
                """, arguments: [row["id"] as Int64])
        while let s = try series.next() {
            let uid: Int64 = s["study"]
            if uid != study {
                closeStudy()
                study = uid
                studyComplete = true
                studyInPrimary = true
            }
            let want: Int64 = s["expected"]
            let have: Int64 = s["imported"]
            let inPrimary: Int64 = s["in_primary"]
            expected.series += 1
            expected.instances += want
            imported.instances += have
            primary.instances += inPrimary
            if have == want { imported.series += 1 } else { studyComplete = false }
            if inPrimary == want { primary.series += 1 } else { studyInPrimary = false }
        }
        closeStudy()
        return CohortSummary(
            name: row["name"], definedBy: row["defined_by"], prefix: row["prefix"], regionProfile: row["region_profile"],
            expected: expected, imported: imported, importedInPrimary: primary, jobs: jobs)
    }

    /// Each job's cohort: the cohort whose prefix covers the job's input prefix, else the cohort of the
    /// first inventory instance under that prefix (one index seek per job).
    private func jobsByCohort(_ db: Database) throws -> [Int64: [String: Int64]] {
        let prefixes: [(prefix: String, id: Int64)] = try Row.fetchAll(
            db, sql: "SELECT id, prefix FROM cohorts WHERE prefix IS NOT NULL ORDER BY length(prefix) DESC"
        ).map { ($0["prefix"], $0["id"]) }
        let firstUnder = try db.cachedStatement(
            sql: "SELECT key, cohort FROM inventory WHERE key >= ? ORDER BY key LIMIT 1")
        var result: [Int64: [String: Int64]] = [:]
        for job in try Row.fetchAll(db, sql: "SELECT input_s3_uri, coalesce(status, 'UNKNOWN') AS status FROM jobs") {
            guard let uri: String = job["input_s3_uri"], let location = S3Location(uri: uri) else { continue }
            var cohort = prefixes.first { location.key.hasPrefix($0.prefix) }?.id
            if cohort == nil, let row = try Row.fetchOne(firstUnder, arguments: [location.key]),
                (row["key"] as String).hasPrefix(location.key)
            {
                cohort = row["cohort"]
            }
            if let cohort { result[cohort, default: [:]][job["status"], default: 0] += 1 }
        }
        return result
    }
}

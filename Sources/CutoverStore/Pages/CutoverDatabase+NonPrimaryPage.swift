import CutoverCore
import GRDB

/// One image set AHI made non-primary (`isPrimary` false), as the Non-primary page shows it.
public struct NonPrimaryRow: Equatable, Sendable {
    public var imageSetId: String
    /// The study of its instances, from the inventory (nil when none of its keys is in the inventory).
    public var studyInstanceUID: String?
    /// Current results that point at the set.
    public var instances: Int64
    /// The job that first wrote to the set.
    public var jobId: String?
    public var cohort: String?
    public var version: Int64?
    /// The triage state of its `non-primary` finding.
    public var findingState: FindingState?
    /// That finding, for acknowledging or waiving it from the page.
    public var findingId: Int64?

    public init(
        imageSetId: String, studyInstanceUID: String? = nil, instances: Int64 = 0, jobId: String? = nil,
        cohort: String? = nil, version: Int64? = nil, findingState: FindingState? = nil, findingId: Int64? = nil
    ) {
        self.imageSetId = imageSetId
        self.studyInstanceUID = studyInstanceUID
        self.instances = instances
        self.jobId = jobId
        self.cohort = cohort
        self.version = version
        self.findingState = findingState
        self.findingId = findingId
    }
}

/// A non-primary image set opened: its instances and the attributes that conflict within its study.
public struct ImageSetDetail: Equatable, Sendable {
    public var imageSetId: String
    public var instances: [InstanceRow]
    public var conflicts: [AttributeConflict]

    public init(imageSetId: String, instances: [InstanceRow], conflicts: [AttributeConflict]) {
        self.imageSetId = imageSetId
        self.instances = instances
        self.conflicts = conflicts
    }
}

/// One instance of an image set: its key, what the inventory says about it, and its current outcome.
///
/// Patient attributes are raw values (PHI): the screen masks them unless the viewer revealed them.
public struct InstanceRow: Equatable, Sendable {
    public var key: String
    public var studyInstanceUID: String?
    public var seriesInstanceUID: String?
    public var sopInstanceUID: String?
    public var patientID: String?
    public var patientName: String?
    public var accessionNumber: String?
    /// `success`, `warning` or `failure`.
    public var outcome: String

    public init(
        key: String, studyInstanceUID: String? = nil, seriesInstanceUID: String? = nil, sopInstanceUID: String? = nil,
        patientID: String? = nil, patientName: String? = nil, accessionNumber: String? = nil, outcome: String
    ) {
        self.key = key
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.patientID = patientID
        self.patientName = patientName
        self.accessionNumber = accessionNumber
        self.outcome = outcome
    }
}

/// A patient or study attribute with more than one value where AHI expects one: the usual reason a study is
/// split into a non-primary image set.
///
/// `values` are raw (PatientID, PatientName and AccessionNumber are PHI): the screen masks them unless the
/// viewer revealed them, an audited action (`recordAccess`).
public struct AttributeConflict: Equatable, Sendable {
    /// The DICOM keyword: `StudyInstanceUID`, `PatientID`, `PatientName`, `AccessionNumber`, `StudyDate`.
    public var attribute: String
    /// The distinct values seen, sorted.
    public var values: [String]

    public init(attribute: String, values: [String]) {
        self.attribute = attribute
        self.values = values
    }
}

extension CutoverDatabase {
    /// Results pointing at a non-primary set are found through a partial index that holds only results not
    /// flagged primary (see `Schema.v7`); this condition must appear verbatim for SQLite to use it.
    static let notPrimaryResult = "k.is_primary IS NOT 1"

    /// The Non-primary page: image sets with `isPrimary` false. Filter: image set id, study, job id, cohort,
    /// finding state.
    ///
    /// Sort keys: `instances` (the default: most first), `study`, `job`, `cohort`, `state`, `version`, `id`.
    /// Missing values sort last; ties by image set id. Non-primary sets are few (a handful per thousand
    /// studies); each costs a few index seeks.
    public func nonPrimaryPage(_ request: PageRequest) throws -> PageSlice<NonPrimaryRow> {
        try read { db in
            let sets = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.id, s.image_set_id, s.version,
                           coalesce(s.first_job, (SELECT job FROM job_image_sets j WHERE j.image_set = s.id LIMIT 1)) AS job,
                           (SELECT count(*) FROM input_keys k WHERE k.image_set = s.id AND \(Self.notPrimaryResult)) AS instances,
                           (SELECT st.uid FROM input_keys k JOIN inventory i ON i.key = k.key JOIN studies st ON st.id = i.study
                            WHERE k.image_set = s.id AND \(Self.notPrimaryResult) LIMIT 1) AS study,
                           f.id AS finding, f.state, f.cohort
                    FROM image_sets s
                    LEFT JOIN findings f ON f.kind = 'non-primary' AND f.subject = s.image_set_id AND f.code = 0
                    WHERE s.is_primary = 0
                    LIMIT 100000
                    """)
            var cohortNames: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM cohorts") { cohortNames[row["id"]] = row["name"] }
            let jobId = try db.cachedStatement(sql: "SELECT job_id FROM jobs WHERE id = ?")
            var rows: [NonPrimaryRow] = []
            while let set = try sets.next() {
                let job: Int64? = set["job"]
                var cohort: Int64? = set["cohort"]
                if cohort == nil, let job { cohort = try Cohorts.cohort(ofJob: job, db) }
                let row = NonPrimaryRow(
                    imageSetId: set["image_set_id"], studyInstanceUID: set["study"], instances: set["instances"],
                    jobId: try job.flatMap { try String.fetchOne(jobId, arguments: [$0]) },
                    cohort: cohort.flatMap { cohortNames[$0] }, version: set["version"],
                    findingState: (set["state"] as String?).flatMap(FindingState.init(rawValue:)),
                    findingId: set["finding"])
                if request.matches(row.imageSetId, row.studyInstanceUID, row.jobId, row.cohort, row.findingState?.rawValue) {
                    rows.append(row)
                }
            }
            let byId: (NonPrimaryRow, NonPrimaryRow) -> Bool = { $0.imageSetId < $1.imageSetId }
            let d = request.descending
            let sorted: [NonPrimaryRow]
            switch request.sort {
            case "study": sorted = rows.sortedNilsLast(by: { $0.studyInstanceUID }, descending: d, tiebreak: byId)
            case "job": sorted = rows.sortedNilsLast(by: { $0.jobId }, descending: d, tiebreak: byId)
            case "cohort": sorted = rows.sortedNilsLast(by: { $0.cohort }, descending: d, tiebreak: byId)
            case "state": sorted = rows.sortedNilsLast(by: { $0.findingState?.rawValue }, descending: d, tiebreak: byId)
            case "version": sorted = rows.sortedNilsLast(by: { $0.version }, descending: d, tiebreak: byId)
            case "id": sorted = rows.sortedNilsLast(by: { $0.imageSetId }, descending: d, tiebreak: byId)
            case "instances": sorted = rows.sortedNilsLast(by: { $0.instances }, descending: d, tiebreak: byId)
            default: sorted = rows.sortedNilsLast(by: { $0.instances }, descending: true, tiebreak: byId)
            }
            return PageSlice(rows: Array(sorted.prefix(request.boundedLimit)), total: rows.count)
        }
    }

    /// A non-primary image set's instances (by key, at most `limit`) and, where the inventory knows them, the
    /// attributes that take more than one value in its study (or studies) across all its instances, whichever
    /// image set they went to.
    public func imageSetInstances(imageSetId: String, limit: Int) throws -> ImageSetDetail {
        try read { db in
            guard let set = try Int64.fetchOne(db, sql: "SELECT id FROM image_sets WHERE image_set_id = ?", arguments: [imageSetId])
            else { return ImageSetDetail(imageSetId: imageSetId, instances: [], conflicts: []) }
            let instances = try Row.fetchAll(
                db,
                sql: """
                    SELECT k.key, k.outcome, st.uid AS study, se.uid AS series, i.sop_uid, i.patient_id, i.patient_name,
                           i.accession_number
                    FROM input_keys k LEFT JOIN inventory i ON i.key = k.key
                    LEFT JOIN studies st ON st.id = i.study LEFT JOIN series se ON se.id = i.series
                    WHERE k.image_set = ? AND \(Self.notPrimaryResult) ORDER BY k.key LIMIT ?
                    """, arguments: [set, max(0, limit)]
            ).map { row in
                let code: Int = row["outcome"]
                return InstanceRow(
                    key: row["key"], studyInstanceUID: row["study"], seriesInstanceUID: row["series"],
                    sopInstanceUID: row["sop_uid"], patientID: row["patient_id"], patientName: row["patient_name"],
                    accessionNumber: row["accession_number"], outcome: Outcome(code: code)?.rawValue ?? "unknown")
            }
            return ImageSetDetail(imageSetId: imageSetId, instances: instances, conflicts: try conflicts(db, set: set))
        }
    }

    private func conflicts(_ db: Database, set: Int64) throws -> [AttributeConflict] {
        let studies = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT i.cohort, i.study, st.uid FROM input_keys k JOIN inventory i ON i.key = k.key
                JOIN studies st ON st.id = i.study
                WHERE k.image_set = ? AND \(Self.notPrimaryResult) LIMIT 100
                """, arguments: [set])
        var conflicts: [AttributeConflict] = []
        let uids = Set(studies.map { $0["uid"] as String })
        if uids.count > 1 { conflicts.append(AttributeConflict(attribute: "StudyInstanceUID", values: uids.sorted())) }
        for (attribute, column) in [
            ("PatientID", "patient_id"), ("PatientName", "patient_name"), ("AccessionNumber", "accession_number"),
            ("StudyDate", "study_date"),
        ] {
            var values = Set<String>()
            for study in studies {
                // `cohort IS ?` keeps the lookup on the inventory's (cohort, study) index.
                values.formUnion(
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT \(column) FROM inventory
                            WHERE cohort IS ? AND study = ? AND \(column) IS NOT NULL AND \(column) != '' LIMIT 20
                            """, arguments: [study["cohort"] as Int64?, study["study"] as Int64]))
            }
            if values.count > 1 { conflicts.append(AttributeConflict(attribute: attribute, values: values.sorted())) }
        }
        return conflicts
    }
}

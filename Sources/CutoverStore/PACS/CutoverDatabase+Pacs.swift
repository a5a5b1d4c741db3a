import Foundation
import GRDB

extension CutoverDatabase {
    /// Replaces everything recorded for `source` with `studies`, in one transaction.
    public func replacePacsStudies(source: String, studies: [PacsStudyCount], fetchedAt: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM pacs_studies WHERE source = ?", arguments: [source])
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO pacs_studies (source, study_uid, series, instances, fetched_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(source, study_uid) DO UPDATE SET series = excluded.series,
                        instances = excluded.instances, fetched_at = excluded.fetched_at
                    """)
            let time = fetchedAt.timeIntervalSince1970
            for study in studies {
                try insert.execute(arguments: [source, study.studyInstanceUID, study.series, study.instances, time])
            }
        }
    }

    /// The studies recorded for `source`, by UID.
    public func pacsStudies(source: String) throws -> [PacsStudyCount] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT study_uid, series, instances FROM pacs_studies WHERE source = ? ORDER BY study_uid",
                arguments: [source]
            ).map { PacsStudyCount(studyInstanceUID: $0[0], series: $0[1], instances: $0[2]) }
        }
    }

    /// Studies, series and instances recorded for `source`.
    public func pacsTotals(source: String) throws -> LevelCounts {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(series), 0), COALESCE(SUM(instances), 0)
                    FROM pacs_studies WHERE source = ?
                    """, arguments: [source])
            return LevelCounts(studies: row?[0] ?? 0, series: row?[1] ?? 0, instances: row?[2] ?? 0)
        }
    }

    /// The sources counted so far, with when each was last counted.
    public func pacsSources() throws -> [(source: String, fetchedAt: Double)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT source, MAX(fetched_at) FROM pacs_studies GROUP BY source ORDER BY source"
            ).map { ($0[0], $0[1]) }
        }
    }

    /// `source`'s counts against the whole inventory, study by study.
    public func pacsComparison(source: String) throws -> PacsComparison {
        try read { db in
            let fetchedAt = try Double.fetchOne(
                db, sql: "SELECT MAX(fetched_at) FROM pacs_studies WHERE source = ?", arguments: [source])
            var pacs = LevelCounts()
            var inventory = LevelCounts()
            var matching: Int64 = 0
            var differences: [PacsStudyDifference] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    WITH inv AS (
                        SELECT st.uid AS uid, COUNT(DISTINCT i.series) AS series, COUNT(*) AS instances
                        FROM inventory i JOIN studies st ON st.id = i.study GROUP BY i.study
                    ), pacs AS (
                        SELECT study_uid AS uid, series, instances FROM pacs_studies WHERE source = ?
                    )
                    SELECT pacs.uid, pacs.series, pacs.instances, inv.series, inv.instances
                    FROM pacs LEFT JOIN inv ON inv.uid = pacs.uid
                    UNION ALL
                    SELECT inv.uid, NULL, NULL, inv.series, inv.instances
                    FROM inv WHERE inv.uid NOT IN (SELECT uid FROM pacs)
                    ORDER BY 1
                    """, arguments: [source])
            while let row = try rows.next() {
                let uid: String = row[0]
                let inPacs = (row[1] as Int64?).map { LevelCounts(studies: 1, series: $0, instances: row[2]) }
                let inInventory = (row[3] as Int64?).map { LevelCounts(studies: 1, series: $0, instances: row[4]) }
                if let inPacs { pacs.add(inPacs) }
                if let inInventory { inventory.add(inInventory) }
                if inPacs != nil && inPacs == inInventory {
                    matching += 1
                } else {
                    differences.append(PacsStudyDifference(studyInstanceUID: uid, pacs: inPacs, inventory: inInventory))
                }
            }
            return PacsComparison(
                source: source, fetchedAt: fetchedAt, pacs: pacs, inventory: inventory, matchingStudies: matching,
                differences: differences)
        }
    }
}

extension LevelCounts {
    fileprivate mutating func add(_ other: LevelCounts) {
        studies += other.studies
        series += other.series
        instances += other.instances
    }
}

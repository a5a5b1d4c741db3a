import Foundation
import GRDB

/// How a cohort is defined (product §3): an input-key prefix, or a list of StudyInstanceUIDs.
/// (The third way, the inventory's `cohort` column, needs no definition.)
public enum CohortDefinition: Equatable, Sendable {
    case prefix(String)
    case studies([String])
}

enum Cohorts {
    static func create(_ db: Database, name: String, prefix: String?, definedBy: String, regionProfile: String?) throws
        -> Int64
    {
        try db.execute(
            sql: """
                INSERT INTO cohorts (name, prefix, defined_by, region_profile, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET prefix = coalesce(excluded.prefix, prefix),
                    defined_by = excluded.defined_by, region_profile = coalesce(excluded.region_profile, region_profile)
                """, arguments: [name, prefix, definedBy, regionProfile, Date().timeIntervalSince1970])
        return try Int64.fetchOne(db, sql: "SELECT id FROM cohorts WHERE name = ?", arguments: [name])!
    }
}

extension CutoverDatabase {
    /// Defines (or redefines) a cohort and assigns to it the inventory instances it covers, except those whose
    /// own `cohort` column names another. Returns the number of instances assigned.
    @discardableResult
    public func defineCohort(
        name: String, _ definition: CohortDefinition, definedBy: String? = nil, regionProfile: String? = nil
    ) throws -> Int {
        try write { db in
            switch definition {
            case .prefix(let prefix):
                let id = try Cohorts.create(
                    db, name: name, prefix: prefix, definedBy: definedBy ?? "prefix", regionProfile: regionProfile)
                // Keys compare bytewise: every key with the prefix sorts between it and prefix + 0xFF.
                try db.execute(
                    sql: """
                        UPDATE inventory SET cohort = ?1
                        WHERE key >= ?2 AND key < CAST(?2 || x'ff' AS TEXT)
                          AND (cohort_name IS NULL OR cohort_name = '' OR cohort_name = ?3)
                        """, arguments: [id, prefix, name])
                return db.changesCount
            case .studies(let studies):
                let id = try Cohorts.create(
                    db, name: name, prefix: nil, definedBy: definedBy ?? "studies", regionProfile: regionProfile)
                for study in studies {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO cohort_studies (cohort, study_uid) VALUES (?, ?)",
                        arguments: [id, study])
                }
                try db.execute(
                    sql: """
                        UPDATE inventory SET cohort = ?1
                        WHERE study IN (SELECT s.id FROM studies s JOIN cohort_studies c ON c.study_uid = s.uid
                                        WHERE c.cohort = ?1)
                          AND (cohort_name IS NULL OR cohort_name = '' OR cohort_name = ?2)
                        """, arguments: [id, name])
                return db.changesCount
            }
        }
    }
}

extension CutoverDatabase {
    /// Each cohort's name and prefix, without counting anything: cheap enough for every poll.
    public func cohortPrefixes() throws -> [String: String?] {
        try read { db in
            var all: [String: String?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, prefix FROM cohorts") {
                all[row["name"]] = .some(row["prefix"])
            }
            return all
        }
    }
}

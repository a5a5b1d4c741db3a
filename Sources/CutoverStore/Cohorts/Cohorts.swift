import CutoverCore
import Foundation
import GRDB

/// How a cohort is defined (product §3): an input-key prefix, or a list of StudyInstanceUIDs.
/// (The third way, the inventory's `cohort` column, needs no definition.)
public enum CohortDefinition: Equatable, Sendable {
    case prefix(String)
    case studies([String])
}

enum Cohorts {
    /// The cohort of the keys under an input prefix: the cohort whose prefix covers it, else the cohort of the
    /// first inventory instance under it (one index seek).
    static func cohort(ofPrefix prefix: String, _ db: Database) throws -> Int64? {
        if let id = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM cohorts WHERE prefix IS NOT NULL AND substr(?1, 1, length(prefix)) = prefix
                    ORDER BY length(prefix) DESC LIMIT 1
                    """), arguments: [prefix])
        {
            return id
        }
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT key, cohort FROM inventory WHERE key >= ? ORDER BY key LIMIT 1"),
                arguments: [prefix]), (row["key"] as String).hasPrefix(prefix)
        else { return nil }
        return row["cohort"]
    }

    static func cohort(ofJob job: Int64, _ db: Database) throws -> Int64? {
        guard let uri = try String.fetchOne(db, sql: "SELECT input_s3_uri FROM jobs WHERE id = ?", arguments: [job]),
            let prefix = S3Location(uri: uri)?.key
        else { return nil }
        return try cohort(ofPrefix: prefix, db)
    }

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
            try Self.advanceGeneration(db)
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
                let assigned = db.changesCount
                try FindingsDeriver.deriveAll(db, now: Date().timeIntervalSince1970)
                return assigned
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
                let assigned = db.changesCount
                try FindingsDeriver.deriveAll(db, now: Date().timeIntervalSince1970)
                return assigned
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

import CutoverCore
import Foundation
import GRDB

/// What a retry of a cohort would resend: the keys of its open failure, missing and server-error findings,
/// and where its jobs read from and wrote to.
public struct RetryPlan: Equatable, Sendable {
    public var keysByKind: [FindingKind: [String]]
    /// `s3://bucket/` of the cohort's jobs' input, and the output prefix above their job folders.
    public var inputBucket: String?
    public var outputPrefix: String?
    public var datastoreId: String?

    public var keys: [String] { keysByKind.values.flatMap { $0 }.sorted() }
}

extension CutoverDatabase {
    public func retryPlan(cohort name: String) throws -> RetryPlan {
        try read { db in
            let cohort = try Decisions.record(db, name: name).id
            var byKind: [FindingKind: [String]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, subject FROM findings WHERE cohort = ?
                      AND kind IN ('customer-error', 'missing', 'server-error') AND state IN ('open', 'acknowledged')
                    ORDER BY subject
                    """, arguments: [cohort])
            {
                if let kind = FindingKind(rawValue: row["kind"]) { byKind[kind, default: []].append(row["subject"]) }
            }
            // Any job of the cohort tells where its inputs live and where outputs go.
            var plan = RetryPlan(keysByKind: byKind)
            for job in try Row.fetchAll(
                db, sql: "SELECT input_s3_uri, output_s3_uri, datastore_id FROM jobs WHERE input_s3_uri IS NOT NULL ORDER BY id")
            {
                guard let input: String = job["input_s3_uri"], let location = S3Location(uri: input),
                    try Cohorts.cohort(ofPrefix: location.key, db) == cohort
                else { continue }
                plan.inputBucket = "s3://\(location.bucket)/"
                plan.datastoreId = job["datastore_id"]
                if let output: String = job["output_s3_uri"] {
                    // The per-job folder's parent is where the retry's outputs go too.
                    let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
                    plan.outputPrefix = trimmed.contains("-DicomImport-")
                        ? String(trimmed[...trimmed.lastIndex(of: "/")!]) : trimmed + "/"
                }
                break
            }
            return plan
        }
    }

    /// Marks the findings of `keys` in the cohort retry-queued (in the decision's transaction).
    static func queueRetry(_ db: Database, cohort: Int64, keys: [String], actor: Actor, note: String) throws {
        let now = Date().timeIntervalSince1970
        for key in keys {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, state FROM findings WHERE cohort = ? AND subject = ?
                      AND kind IN ('customer-error', 'missing', 'server-error') AND state IN ('open', 'acknowledged')
                    """, arguments: [cohort, key])
            {
                try db.execute(sql: "UPDATE findings SET state = 'retry-queued', updated_at = ? WHERE id = ?",
                               arguments: [now, row["id"] as Int64])
                try db.execute(
                    sql: """
                        INSERT INTO finding_notes (finding, at, actor, host, ssh_client, from_state, to_state, note)
                        VALUES (?, ?, ?, ?, ?, ?, 'retry-queued', ?)
                        """,
                    arguments: [row["id"] as Int64, now, actor.name, actor.host, actor.sshClient, row["state"] as String, note])
            }
        }
    }

    /// Records a retry: the decision with its audit row, and the findings marked retry-queued, together.
    public func recordRetry(cohort name: String, keys: [String], actor: Actor, expectedRevision: Int64, detail: [String: String])
        throws
    {
        try decide(cohort: name, action: "retry", actor: actor, expectedRevision: expectedRevision, detail: detail) {
            record, db in
            try Self.queueRetry(db, cohort: record.id, keys: keys, actor: actor, note: detail["batch"] ?? "retry")
        }
    }
}

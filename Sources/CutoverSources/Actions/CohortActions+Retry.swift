import Crypto
import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// A retry batch of a cohort (product §5): its failed, missing and server-error keys, and — unless it was a
/// dry run or there was nothing to retry — the folder holding `keys.txt` and `commands.sh`.
public struct RetryBatch: Equatable, Sendable {
    public var cohort: String
    /// Sorted.
    public var keys: [String]
    public var countsByKind: [FindingKind: Int]
    /// `<cohort>-retry-<digest>`: the same keys give the same name (and client token).
    public var name: String?
    public var clientToken: String?
    /// Where `keys.txt` and `commands.sh` were written; nil when nothing was written.
    public var folder: String?
    /// Where the keys live (`s3://bucket/`), where the batch copies them, and the job's output.
    public var inputBucket: String?
    public var retryPrefix: String?
    public var outputS3Uri: String?
    public var datastoreId: String?
    /// The import job a live retry started.
    public var jobId: String?

    public init(
        cohort: String, keys: [String], countsByKind: [FindingKind: Int], name: String? = nil,
        clientToken: String? = nil, folder: String? = nil
    ) {
        self.cohort = cohort
        self.keys = keys
        self.countsByKind = countsByKind
        self.name = name
        self.clientToken = clientToken
        self.folder = folder
    }

    /// "2 customer-error, 1 missing".
    public var countsText: String {
        countsByKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
            .joined(separator: ", ")
    }
}

extension CohortActions {
    /// Builds a retry batch of the cohort's open failure, missing and server-error findings. Unless `dryRun`,
    /// writes `retries/<batch>/keys.txt` and `commands.sh` beside the database (the exact `aws s3 cp` and
    /// `start-dicom-import-job` commands, with a client token derived from the keys so running them twice
    /// starts one job) and records the retry: the findings become retry-queued, audited, in one transaction.
    ///
    /// A batch with no keys means there was nothing to retry; nothing is written or recorded then.
    ///
    /// `launch` (a live retry) runs after the files are written and before anything is recorded: when it
    /// fails nothing changes, and running the retry again derives the same keys and client token.
    public static func writeRetryBatch(
        cohort: String, reason: String?, expectedRevision: Int64?, actor: Actor, database: CutoverDatabase,
        config: CutoverConfig?, dryRun: Bool = false, launch: ((RetryBatch) throws -> String)? = nil
    ) throws -> RetryBatch {
        try translatingDecisionErrors {
            let context = try CohortGates(database: database, config: config, cohort: cohort)
            _ = try check(.retry, context: context, reason: reason, actor: actor)
            let plan = try database.retryPlan(cohort: cohort)
            var batch = RetryBatch(
                cohort: cohort, keys: plan.keys, countsByKind: plan.keysByKind.mapValues(\.count))
            guard !batch.keys.isEmpty, !dryRun else { return batch }
            guard let bucket = plan.inputBucket, let datastore = plan.datastoreId else {
                throw CohortActionError(
                    .refused, "no job of \(cohort) says where its input lives (inputS3Uri); cannot write the commands")
            }
            let keys = batch.keys
            let digest = SHA256.hash(data: Data(keys.joined(separator: "\n").utf8)).map { String(format: "%02x", $0) }
                .joined()
            let name = "\(cohort)-retry-\(digest.prefix(12))"
            let token = "cutover-\(digest.prefix(40))"
            let folder = ((database.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("retries/\(name)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try (keys.joined(separator: "\n") + "\n").write(toFile: folder + "/keys.txt", atomically: true, encoding: .utf8)
            let retryPrefix = "\(bucket)retry/\(name)/"
            var script = """
                #!/bin/sh
                # Retry batch \(name) for cohort \(cohort): \(batch.countsText).
                # Copies each key under \(retryPrefix) and starts one import job. The client token is derived from
                # the keys, so running this twice starts the job once. Set DATA_ACCESS_ROLE_ARN first.
                set -eu
                : "${DATA_ACCESS_ROLE_ARN:?set DATA_ACCESS_ROLE_ARN to the import role}"

                """
            for key in keys {
                script += "aws s3 cp '\(bucket)\(key)' '\(retryPrefix)\(key)'\n"
            }
            script += """
                aws medical-imaging start-dicom-import-job \\
                  --datastore-id \(datastore) \\
                  --job-name '\(name)' \\
                  --client-token '\(token)' \\
                  --input-s3-uri '\(retryPrefix)' \\
                  --output-s3-uri '\(plan.outputPrefix ?? bucket + "output/")retry/' \\
                  --data-access-role-arn "$DATA_ACCESS_ROLE_ARN"

                """
            try script.write(toFile: folder + "/commands.sh", atomically: true, encoding: .utf8)
            batch.name = name
            batch.clientToken = token
            batch.folder = folder
            batch.inputBucket = bucket
            batch.retryPrefix = retryPrefix
            batch.outputS3Uri = "\(plan.outputPrefix ?? bucket + "output/")retry/"
            batch.datastoreId = datastore
            var detail = ["batch": name, "keys": String(keys.count), "clientToken": token, "reason": reason ?? ""]
            if let launch {
                batch.jobId = try launch(batch)
                detail["jobId"] = batch.jobId
            }
            try database.recordRetry(
                cohort: cohort, keys: keys, actor: actor, expectedRevision: expectedRevision ?? context.record.revision,
                detail: detail)
            return batch
        }
    }
}

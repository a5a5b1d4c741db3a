import CutoverCloud
import CutoverCore
import CutoverStore

/// Copies objects within S3; the S3 client does it, tests may count.
public protocol ObjectCopier {
    func copyObject(bucket: String, key: String, toBucket: String, toKey: String) throws
}

/// A retry batch carried out against the services: each key copied under the batch's retry prefix, then one
/// `StartDICOMImportJob` with the batch's client token, so a second run starts no second job. The job is
/// recorded like any other and tracked by the next polls.
public struct LiveRetry {
    let copier: ObjectCopier
    let client: AHIClient
    let roleArn: String
    let database: CutoverDatabase

    public init(copier: ObjectCopier, client: AHIClient, roleArn: String, database: CutoverDatabase) {
        self.copier = copier
        self.client = client
        self.roleArn = roleArn
        self.database = database
    }

    /// Runs the batch and returns the import job's id.
    public func launch(_ batch: RetryBatch, now: Double) throws -> String {
        guard let bucketURI = batch.inputBucket, let retryPrefix = batch.retryPrefix, let output = batch.outputS3Uri,
            let datastore = batch.datastoreId, let name = batch.name, let token = batch.clientToken,
            let (bucket, _) = Self.split(bucketURI), let (retryBucket, retryKeyPrefix) = Self.split(retryPrefix)
        else { throw CohortActionError(.refused, "the retry batch does not say where its keys live") }
        for key in batch.keys {
            try copier.copyObject(bucket: bucket, key: key, toBucket: retryBucket, toKey: retryKeyPrefix + key)
        }
        let jobId = try client.startImportJob(
            datastoreId: datastore, jobName: name, dataAccessRoleArn: roleArn, clientToken: token,
            inputS3Uri: retryPrefix, outputS3Uri: output)
        try database.ingest { session in
            _ = try session.merge(
                ImportJobObservation(
                    jobId: jobId, datastoreId: datastore, jobName: name, status: .submitted, submittedAt: now,
                    inputS3Uri: retryPrefix, outputS3Uri: output))
        }
        return jobId
    }

    /// `s3://bucket/some/prefix/` → (`bucket`, `some/prefix/`).
    static func split(_ uri: String) -> (bucket: String, key: String)? {
        guard uri.hasPrefix("s3://") else { return nil }
        let rest = uri.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return rest.isEmpty ? nil : (String(rest), "") }
        return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
    }
}

extension S3Client: ObjectCopier {
    public func copyObject(bucket: String, key: String, toBucket: String, toKey: String) throws {
        _ = try copyObject(
            from: S3ObjectLocation(bucket: bucket, key: key), to: S3ObjectLocation(bucket: toBucket, key: toKey))
    }
}

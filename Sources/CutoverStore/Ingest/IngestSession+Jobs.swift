import CutoverCore
import GRDB

extension IngestSession {
    /// The job's handle, creating a bare row when the job is first seen through its output folder.
    public func job(jobId: String, datastoreId: String) throws -> JobHandle {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, sort_at FROM jobs WHERE job_id = ?"), arguments: [jobId]) {
            return JobHandle(row: row["id"], sortAt: row["sort_at"])
        }
        try db.executeCached(sql: "INSERT INTO jobs (job_id, datastore_id) VALUES (?, ?)", arguments: [jobId, datastoreId])
        stats.jobsSeen += 1
        return JobHandle(row: db.lastInsertedRowID, sortAt: 1e18)
    }

    /// Merges what one source says about a job. Status never moves back (events arrive out of order);
    /// other fields fill in when unknown, and the API's own values replace event-derived ones.
    @discardableResult
    public func merge(_ observation: ImportJobObservation) throws -> JobHandle {
        let handle = try job(jobId: observation.jobId, datastoreId: observation.datastoreId)
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM jobs WHERE id = ?"), arguments: [handle.row])!
        let storedRank: Int = row["status_rank"]
        var status: String? = row["status"]
        var rank = storedRank
        if let new = observation.status, new.rank > storedRank || status == nil {
            status = new.wire
            rank = new.rank
        }
        let submittedAt: Double? = observation.submittedAt ?? row["submitted_at"]
        let sortAt = submittedAt ?? 1e18
        try db.executeCached(
            sql: """
                UPDATE jobs SET status = ?, status_rank = ?, job_name = coalesce(?, job_name),
                    submitted_at = ?, sort_at = ?, ended_at = coalesce(?, ended_at),
                    input_s3_uri = coalesce(?, input_s3_uri), output_s3_uri = coalesce(?, output_s3_uri),
                    message = coalesce(?, message)
                WHERE id = ?
                """,
            arguments: [
                status, rank, observation.jobName, submittedAt, sortAt, observation.endedAt, observation.inputS3Uri,
                observation.outputS3Uri, observation.message, handle.row,
            ])
        if sortAt != handle.sortAt, try hasResults(job: handle.row) {
            jobsToReorder.insert(handle.row)
        }
        // A job that finishes (or whose input prefix becomes known) can make keys missing.
        if rank != storedRank || (observation.inputS3Uri != nil && row["input_s3_uri"] as String? == nil) {
            touchedJobs.insert(handle.row)
        }
        return JobHandle(row: handle.row, sortAt: sortAt)
    }

    /// Whether any result of the job is stored or pending in this batch (from line counts: no scan).
    private func hasResults(job: Int64) throws -> Bool {
        if currentJobLines?.job == job || jobLineDeltas[job] != nil { return true }
        let lines = try Int64.fetchOne(db.cachedStatement(sql: "SELECT success_lines + warning_lines + failure_lines FROM jobs WHERE id = ?"), arguments: [job])
        return (lines ?? 0) > 0
    }

    /// Applies `job-output-manifest.json`: the job's counters and the image sets it touched.
    public func apply(_ manifest: JobManifest) throws {
        let handle = try merge(
            ImportJobObservation(
                jobId: manifest.jobId, datastoreId: manifest.datastoreId, inputS3Uri: manifest.inputS3Uri,
                outputS3Uri: manifest.outputS3Uri))
        try db.executeCached(
            sql: """
                UPDATE jobs SET has_manifest = 1, scanned_files = ?, imported_files = ?, customer_error_files = ?,
                    server_error_files = ?, generated_image_sets = ? WHERE id = ?
                """,
            arguments: [
                manifest.numberOfScannedFiles, manifest.numberOfImportedFiles, manifest.numberOfFilesWithCustomerError,
                manifest.numberOfFilesWithServerError, manifest.numberOfGeneratedImageSets, handle.row,
            ])
        for set in manifest.imageSets {
            let setRow = try imageSetRow(
                id: set.imageSetId, isPrimary: set.isPrimary, version: set.imageSetVersion, job: handle.row)
            try db.executeCached(
                sql: """
                    INSERT INTO job_image_sets (job, image_set, matched_instances, version, is_primary)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(job, image_set) DO UPDATE SET matched_instances = excluded.matched_instances,
                        version = excluded.version, is_primary = excluded.is_primary
                    """,
                arguments: [handle.row, setRow, set.numberOfMatchedSOPInstances, set.imageSetVersion, set.isPrimary])
        }
        stats.manifests += 1
        touchedJobs.insert(handle.row)
    }
}

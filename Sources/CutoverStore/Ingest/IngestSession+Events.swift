import CutoverCore
import GRDB

extension IngestSession {
    /// Stores an event once (by `id`) and applies it to its job or image set. Returns false for a duplicate.
    @discardableResult
    public func add(_ event: ImagingEvent, file: Int64, line: Int) throws -> Bool {
        let detail = event.detail
        let epoch = EpochTime.parse(iso8601: event.time)
        let status = detail.jobStatus ?? detail.imageSetWorkflowStatus ?? detail.datastoreStatus
        try db.executeCached(
            sql: """
                INSERT INTO events (id, detail_type, time, epoch, region, account, resources, datastore_id, job_id,
                                    image_set_id, status, is_primary, file, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """,
            arguments: [
                event.id, event.detailType, event.time, epoch, event.region, event.account,
                event.resources.joined(separator: "\n"), detail.datastoreId, detail.jobId, detail.imageSetId, status,
                detail.isPrimary, file, line,
            ])
        guard db.changesCount > 0 else {
            stats.eventsDuplicate += 1
            return false
        }
        stats.eventsAdded += 1

        switch event.group {
        case .importJob:
            if let jobId = detail.jobId, let datastoreId = detail.datastoreId {
                let jobStatus = detail.jobStatus.map(JobStatus.init(wire:))
                try merge(
                    ImportJobObservation(
                        jobId: jobId, datastoreId: datastoreId, jobName: detail.jobName, status: jobStatus,
                        submittedAt: jobStatus == .submitted ? epoch : nil,
                        endedAt: jobStatus?.isTerminal == true ? epoch : nil, inputS3Uri: detail.inputS3Uri,
                        outputS3Uri: detail.outputS3Uri))
            }
        case .imageSet:
            if let imageSetId = detail.imageSetId {
                let row = try imageSetRow(
                    id: imageSetId, isPrimary: detail.isPrimary, version: detail.imageSetVersion, job: nil,
                    datastoreId: detail.datastoreId)
                // Out-of-order delivery: only a newer event moves the workflow status.
                try db.executeCached(
                    sql: """
                        UPDATE image_sets SET workflow_status = coalesce(?, workflow_status),
                            state = coalesce(?, state), event_at = ?
                        WHERE id = ? AND (event_at IS NULL OR event_at <= ?)
                        """,
                    arguments: [detail.imageSetWorkflowStatus, detail.imageSetState, epoch, row, epoch ?? 0])
                touchedImageSets.insert(row)
            }
        case .datastore, .other:
            break
        }
        return true
    }
}

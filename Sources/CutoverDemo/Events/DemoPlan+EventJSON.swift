import CutoverCore

/// Events as EventBridge delivers them: envelope plus detail, keys in the reference's order.
extension DemoPlan {
    func eventJSON(_ event: PlannedEvent) -> JSONValue {
        let job = jobs[Int(event.job)]
        var resources = [datastoreArn]
        let detail: [(String, JSONValue)]
        if event.kind.isImageSetEvent {
            let imageSet = imageSetId(study: Int(event.study))
            resources = ["\(datastoreArn)/imageset/\(imageSet)"]
            var fields: [(String, JSONValue)] = [("imagingVersion", .string("1.0"))]
            if !event.omitsOptionalFields {
                fields.append(("isPrimary", .bool(event.isPrimary)))
                fields.append(("imageSetVersion", .string(String(event.imageSetVersion))))
            }
            fields.append(("datastoreId", .string(datastore)))
            fields.append((event.lowercaseImagesetKey ? "imagesetId" : "imageSetId", .string(imageSet)))
            fields.append(("imageSetState", .string("ACTIVE")))
            fields.append(("imageSetWorkflowStatus", .string(event.kind == .imageSetCreated ? "CREATED" : "UPDATED")))
            detail = fields
        } else {
            let status: JobStatus =
                switch event.kind {
                case .jobSubmitted: .submitted
                case .jobInProgress: .inProgress
                case .jobFailed: .failed
                default: .completed
                }
            detail = [
                ("imagingVersion", .string("1.0")),
                ("datastoreId", .string(datastore)),
                ("jobId", .string(job.id)),
                ("jobName", .string(job.name)),
                ("jobStatus", .string(status.wire)),
                ("inputS3Uri", .string(inputS3Uri(job))),
                ("outputS3Uri", .string(outputS3Uri(job))),
            ]
        }
        return .object([
            ("version", .string("0")),
            ("id", .string(event.id)),
            ("detail-type", .string(event.kind.detailType)),
            ("source", .string("aws.medical-imaging")),
            ("account", .string(account)),
            ("time", .string(EpochTime.format(Double(event.timeMs) / 1000))),
            ("region", .string(Self.region)),
            ("resources", .array(resources.map { .string($0) })),
            ("detail", .object(detail)),
        ])
    }
}

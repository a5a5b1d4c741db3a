import CutoverCore

/// One EventBridge event from `aws.medical-imaging` (reference §3) to an ``ImagingEvent``.
///
/// `id`, `detail-type` and `time` are required: deduplication keys on `id` and ordering on `time`. The image
/// set id is read under both spellings AHI has used (`imageSetId`, preferred, and the documented `imagesetId`);
/// `imageSetVersion` may be a string or an integer; `isPrimary` may be missing. Unknown detail-types and keys
/// pass through.
public enum EventDecoder {
    public static func decode(_ value: JSONValue) throws(FormatError) -> ImagingEvent {
        guard case .object = value else { throw FormatError("an event must be a JSON object") }
        guard let id = value["id"]?.nonEmptyString else { throw FormatError("the event has no id") }
        guard let detailType = value["detail-type"]?.nonEmptyString else {
            throw FormatError("the event has no detail-type")
        }
        guard let time = value["time"]?.nonEmptyString else { throw FormatError("the event has no time") }
        return ImagingEvent(
            id: id,
            detailType: detailType,
            source: value["source"]?.string ?? "",
            account: value["account"]?.string,
            time: time,
            region: value["region"]?.string,
            resources: value["resources"]?.array?.compactMap(\.string) ?? [],
            detail: detail(value["detail"] ?? .null)
        )
    }

    private static func detail(_ fields: JSONValue) -> ImagingEventDetail {
        ImagingEventDetail(
            datastoreId: fields["datastoreId"]?.string,
            datastoreName: fields["datastoreName"]?.string,
            datastoreStatus: fields["datastoreStatus"]?.string,
            jobId: fields["jobId"]?.string,
            jobName: fields["jobName"]?.string,
            jobStatus: fields["jobStatus"]?.string,
            inputS3Uri: fields["inputS3Uri"]?.string,
            outputS3Uri: fields["outputS3Uri"]?.string,
            imageSetId: fields["imageSetId"]?.nonEmptyString ?? fields["imagesetId"]?.nonEmptyString,
            isPrimary: fields["isPrimary"]?.lenientBool,
            imageSetVersion: fields["imageSetVersion"]?.int,
            imageSetState: fields["imageSetState"]?.string,
            imageSetWorkflowStatus: fields["imageSetWorkflowStatus"]?.string
        )
    }
}

import CutoverCore

/// `ListDICOMImportJobs` and `GetDICOMImportJob` responses (reference §6, §9) to ``ImportJobObservation``s.
///
/// On the wire, `submittedAt` and `endedAt` are epoch seconds as JSON numbers. Saved `aws` CLI output prints
/// them as ISO-8601 strings instead, and people feed such files to the tool, so both are accepted.
public enum JobResponseDecoder {
    /// A `ListDICOMImportJobs` page: its jobs and the token for the next page (nil on the last page).
    public static func decodeList(
        _ value: JSONValue
    ) throws(FormatError) -> (jobs: [ImportJobObservation], nextToken: String?) {
        guard case .object = value else { throw FormatError("a ListDICOMImportJobs response must be a JSON object") }
        let nextToken = value["nextToken"]?.nonEmptyString
        guard let summaries = value["jobSummaries"] else {
            guard nextToken != nil else { throw FormatError("the ListDICOMImportJobs response has no jobSummaries") }
            return ([], nextToken)
        }
        guard let entries = summaries.array else { throw FormatError("jobSummaries in the response is not an array") }
        var jobs: [ImportJobObservation] = []
        jobs.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            jobs.append(try observation(entry, context: "jobSummaries[\(index)]"))
        }
        return (jobs, nextToken)
    }

    /// A `GetDICOMImportJob` response: `{"jobProperties": {...}}`, or the bare properties object.
    public static func decodeJob(_ value: JSONValue) throws(FormatError) -> ImportJobObservation {
        guard case .object = value else { throw FormatError("a GetDICOMImportJob response must be a JSON object") }
        if let properties = value["jobProperties"] {
            return try observation(properties, context: "jobProperties")
        }
        guard value["jobId"] != nil else { throw FormatError("the GetDICOMImportJob response has no jobProperties") }
        return try observation(value, context: "the job")
    }

    private static func observation(_ fields: JSONValue, context: String) throws(FormatError) -> ImportJobObservation {
        guard case .object = fields else { throw FormatError("\(context) is not an object") }
        guard let jobId = fields["jobId"]?.nonEmptyString else { throw FormatError("\(context) has no jobId") }
        guard let datastoreId = fields["datastoreId"]?.nonEmptyString else {
            throw FormatError("\(context) has no datastoreId")
        }
        return ImportJobObservation(
            jobId: jobId,
            datastoreId: datastoreId,
            jobName: fields["jobName"]?.string,
            status: fields["jobStatus"]?.nonEmptyString.map(JobStatus.init(wire:)),
            submittedAt: fields["submittedAt"].flatMap(epochSeconds),
            endedAt: fields["endedAt"].flatMap(epochSeconds),
            inputS3Uri: fields["inputS3Uri"]?.string,
            outputS3Uri: fields["outputS3Uri"]?.string,
            message: fields["message"]?.string
        )
    }

    /// Epoch seconds from a number, an ISO-8601 string, or a string holding a number.
    static func epochSeconds(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let seconds): seconds.isFinite ? seconds : nil
        case .string(let text): EpochTime.parse(iso8601: text) ?? Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }
}

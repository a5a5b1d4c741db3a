/// The per-job output folder AHI writes: `<datastoreId>-DicomImport-<jobId>`.
public struct JobFolderName: Equatable, Sendable {
    public var datastoreId: String
    public var jobId: String

    public init(datastoreId: String, jobId: String) {
        self.datastoreId = datastoreId
        self.jobId = jobId
    }

    /// Parses a folder (or S3 prefix segment) name; `nil` when it is not a job folder.
    public init?(_ name: Substring) {
        let parts = name.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "DicomImport" else { return nil }
        let ds = parts[0]
        let job = parts[2]
        guard !ds.isEmpty, !job.isEmpty, job.count <= 32, ds.allSatisfy(Self.isIdCharacter),
            job.allSatisfy(Self.isIdCharacter)
        else { return nil }
        self.datastoreId = String(ds)
        self.jobId = String(job)
    }

    public init?(_ name: String) { self.init(Substring(name)) }

    public var name: String { "\(datastoreId)-DicomImport-\(jobId)" }

    private static func isIdCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLowercase || c.isNumber)
    }
}

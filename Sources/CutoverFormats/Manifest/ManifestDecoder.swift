import CutoverCore

/// `job-output-manifest.json` (reference §1.2) to a ``JobManifest``.
///
/// Tolerant, because the manifest's fields have drifted between AHI releases: missing counters read as 0, a
/// missing `imageSetsSummary` as no image sets, and `imageSetVersion` may be an integer or a string. When
/// `jobId` or `datastoreId` is missing, they are recovered from the `<datastoreId>-DicomImport-<jobId>/` folder
/// at the end of `outputS3Uri`.
public enum ManifestDecoder {
    static let documentName = "job-output-manifest.json"

    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> JobManifest {
        let root: JSONValue
        do throws(JSONParseError) {
            root = try LenientJSONParser.parseDocument(bytes)
        } catch {
            throw FormatError(parsing: error, document: documentName)
        }
        return try decode(root)
    }

    /// Decodes an already parsed manifest: `{"jobSummary": {...}}`, or the bare summary object.
    public static func decode(_ root: JSONValue) throws(FormatError) -> JobManifest {
        let summary = root["jobSummary"] ?? root
        guard case .object = summary else { throw FormatError("\(documentName) has no jobSummary object") }

        let outputS3Uri = summary["outputS3Uri"]?.string
        let folder = outputS3Uri.flatMap(jobFolder(in:))
        guard let jobId = summary["jobId"]?.nonEmptyString ?? folder?.jobId else {
            throw FormatError("\(documentName) has no jobSummary.jobId")
        }
        guard let datastoreId = summary["datastoreId"]?.nonEmptyString ?? folder?.datastoreId else {
            throw FormatError("\(documentName) has no jobSummary.datastoreId")
        }
        return JobManifest(
            jobId: jobId,
            datastoreId: datastoreId,
            inputS3Uri: summary["inputS3Uri"]?.string,
            outputS3Uri: outputS3Uri,
            numberOfScannedFiles: summary["numberOfScannedFiles"]?.int ?? 0,
            numberOfImportedFiles: summary["numberOfImportedFiles"]?.int ?? 0,
            numberOfFilesWithCustomerError: summary["numberOfFilesWithCustomerError"]?.int ?? 0,
            numberOfFilesWithServerError: summary["numberOfFilesWithServerError"]?.int ?? 0,
            numberOfGeneratedImageSets: summary["numberOfGeneratedImageSets"]?.int ?? 0,
            imageSets: summary["imageSetsSummary"]?.array?.compactMap(imageSet) ?? []
        )
    }

    /// An `imageSetsSummary[]` entry; entries without an image set id say nothing usable and are skipped.
    private static func imageSet(_ entry: JSONValue) -> ManifestImageSet? {
        guard let imageSetId = entry["imageSetId"]?.nonEmptyString ?? entry["imagesetId"]?.nonEmptyString else {
            return nil
        }
        return ManifestImageSet(
            imageSetId: imageSetId,
            numberOfMatchedSOPInstances: entry["numberOfMatchedSOPInstances"]?.int ?? 0,
            imageSetVersion: entry["imageSetVersion"]?.int,
            isPrimary: entry["isPrimary"]?.lenientBool
        )
    }

    /// The last non-empty path segment of an S3 URI, read as a job folder name.
    private static func jobFolder(in uri: String) -> JobFolderName? {
        guard let last = uri.split(separator: "/").last else { return nil }
        return JobFolderName(last)
    }
}

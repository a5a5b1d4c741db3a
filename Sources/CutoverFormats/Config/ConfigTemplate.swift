/// The commented `cutover.toml` that `cutover init` writes. Every key this version reads is here, so the
/// template doubles as the reference; tests parse it.
public enum ConfigTemplate {
    public static let text = """
        # cutover configuration. Paths are relative to this file.

        [migration]
        name = "PACS to AWS HealthImaging"
        # Approvals need a second, different person to confirm.
        two_person_approval = true
        # Days the original Part 10 files stay retained after a cohort is approved (for rollback).
        retention_days = 90

        # The HealthImaging data stores being imported into.
        [[datastores]]
        id = "00000000000000000000000000000000"
        region = "ap-southeast-2"
        # HTJ2K (the default) or JPEG_2000_LOSSLESS: decides the stored transfer syntax of transcoded images.
        lossless_storage_format = "HTJ2K"

        # Folders holding job output folders (<datastoreId>-DicomImport-<jobId>/), saved API responses and
        # EventBridge event files.
        [sources.local]
        paths = ["jobs", "events"]
        interval_seconds = 15

        # S3 prefixes holding the same files (job output folders, API responses, Firehose event objects). New
        # and changed objects are copied into .cutover-cache/s3/ beside the database, then read like a folder.
        # [sources.s3]
        # uris = ["s3://my-output-bucket/healthimaging/"]
        # interval_seconds = 15
        # timeout_seconds = 30

        # Source inventory exports (CSV or NDJSON), re-imported by `cutover poll` when they change.
        [inventory]
        files = []

        # Everyone who reads the images after cutover, and the stored transfer syntaxes each can decode.
        [[consumers]]
        name = "diagnostic-viewer"
        kind = "viewer"            # viewer, workstation or ai
        decodes = ["1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.91"]

        # Cohorts: the studies that cut over together, here by input-key prefix. `region_profile` is au,
        # generic, or one defined below.
        [[cohorts]]
        name = "first-cohort"
        prefix = "input/first-cohort/"
        region_profile = "au"

        # More region profiles can be defined; each obligation item is attested by a named person.
        # [[region_profiles]]
        # id = "nz"
        # name = "New Zealand"
        # allowed_regions = ["ap-southeast-2"]
        # retention_days = 365
        # [[region_profiles.items]]
        # id = "hisf"
        # text = "Health Information Security Framework controls reviewed"

        """
}

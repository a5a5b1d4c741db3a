import Testing

@testable import CutoverSources

/// Where S3 objects land in the cache, and which keys are never written there.
@Suite struct S3CachePathTests {
    @Test(arguments: [
        ("out/job/SUCCESS/success.ndjson", S3CachePath.Placement.file("/c/b/out/job/SUCCESS/success.ndjson")),
        ("a b & <c>/Müller.json", .file("/c/b/a b & <c>/Müller.json")),
        ("out/folder/", .folderMarker),
        ("out/../../etc/passwd", .unusable),
        ("out/./x", .unusable),
        ("out//x", .unusable),
        ("/rooted", .unusable),
        ("", .unusable),
        ("nul\u{0}byte", .unusable),
    ])
    func placement(_ key: String, _ expected: S3CachePath.Placement) {
        #expect(S3CachePath.placement(root: "/c", bucket: "b", key: key) == expected)
    }

    @Test(arguments: [
        ("migration/", "/c/b/migration"),
        ("migration/job-1", "/c/b/migration"),
        ("", "/c/b"),
        ("events", "/c/b"),
    ])
    func folderToIngest(_ prefix: String, _ folder: String) {
        #expect(S3CachePath.folder(root: "/c", bucket: "b", prefix: prefix) == folder)
    }
}

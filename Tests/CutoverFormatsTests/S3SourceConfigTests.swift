import CutoverFormats
import Testing

/// `[sources.s3]`: the URIs and interval read, and one sentence with file and line for what is wrong.
@Suite struct S3SourceConfigTests {
    @Test func urisAndIntervalAreRead() throws {
        let config = try CutoverConfig.parse(
            "[sources.s3]\nuris = [\"s3://pacs-out/ahi/\", \"s3://events_bucket\"]\ninterval_seconds = 60\n",
            path: "cutover.toml")
        #expect(
            config.s3
                == CutoverConfig.S3Polling(
                    uris: [S3URI(bucket: "pacs-out", prefix: "ahi/"), S3URI(bucket: "events_bucket", prefix: "")],
                    intervalSeconds: 60))
    }

    @Test func theTemplateLeavesS3Off() throws {
        #expect(try CutoverConfig.parse(ConfigTemplate.text, path: "cutover.toml").s3 == nil)
    }

    @Test(arguments: [
        ("s3://bucket/a b/ü/", S3URI(bucket: "bucket", prefix: "a b/ü/")),
        ("s3://bucket/", S3URI(bucket: "bucket", prefix: "")),
        ("s3://b.c-d/x", S3URI(bucket: "b.c-d", prefix: "x")),
        ("s3://", nil),
        ("s3:///prefix", nil),
        ("https://bucket/prefix", nil),
        ("s3://buck et/x", nil),
    ])
    func uriParsing(_ text: String, _ expected: S3URI?) {
        #expect(S3URI(parsing: text) == expected)
    }

    @Test(arguments: [
        ("[sources.s3]\nuris = [\"https://b/p\"]\n",
         "cutover.toml:2: sources.s3.uris: https://b/p is not an s3://bucket/prefix location"),
        ("[sources.s3]\nuris = []\n", "cutover.toml"),
        ("[sources.s3]\nuris = [\"s3://b/\"]\ninterval_seconds = 0.5\n",
         "cutover.toml:3: sources.s3.interval_seconds must be at least 1 second"),
        ("[sources.s3]\nurls = [\"s3://b/\"]\n", "cutover.toml:2: unknown key urls in [sources.s3]"),
    ])
    func mistakesAreOneSentenceWithFileAndLine(text: String, message: String) {
        #expect {
            _ = try CutoverConfig.parse(text, path: "cutover.toml")
        } throws: { error in
            (error as? ConfigError).map { $0.description.hasPrefix(message) } ?? false
        }
    }
}

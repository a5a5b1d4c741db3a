import CutoverCore
@testable import CutoverSources
import Testing

@Suite struct FolderScannerTests {
    @Test func documentsComeFirstThenEachJobFolderWithItsManifestLast() throws {
        let tree = try SourceTree()
        let job = tree.jobFolder("job1")
        try tree.write("\(job)/job-output-manifest.json", "{}")
        try tree.write("\(job)/SUCCESS/success.ndjson", "")
        try tree.write("\(job)/FAILURE/failure.ndjson", "")
        try tree.write("\(job)/notes.txt", "ignored: not an output file")
        try tree.write("events/2026/11/28/10/stream-1-2026-11-28-10-00-00-abc", "")
        try tree.write("events/array.json", "[]")
        try tree.write("inventory.csv", "ignored")
        try tree.write(".hidden.json", "ignored")
        let (files, problems) = FolderScanner.scan([tree.root.path])
        #expect(problems.isEmpty)
        let names = files.map { String($0.path.dropFirst(tree.root.path.count + 1)) }
        #expect(names == [
            "events/2026/11/28/10/stream-1-2026-11-28-10-00-00-abc", "events/array.json",
            "\(job)/SUCCESS/success.ndjson", "\(job)/FAILURE/failure.ndjson", "\(job)/job-output-manifest.json",
        ])
        let folder = JobFolderName(datastoreId: SourceTree.datastore, jobId: "job1")
        #expect(files[2].role == .results(folder, .success))
        #expect(files[4].role == .manifest(folder))
    }

    @Test func aMissingRootIsAProblemNotACrash() {
        let (files, problems) = FolderScanner.scan(["/no/such/cutover/path"])
        #expect(files.isEmpty)
        #expect(problems.map(\.description) == ["cannot read /no/such/cutover/path: no such file or directory"])
    }
}

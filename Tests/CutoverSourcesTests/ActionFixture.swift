import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// Cohort `ed` (prefix input/ed/) with three inventory keys and one completed job: one success, one failure
/// (a customer-error finding) and one key that never arrived (a missing finding). On a real SQLite file.
final class ActionFixture {
    let folder: URL
    let database: CutoverDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cutover-actions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try CutoverDatabase(path: folder.appendingPathComponent("cutover.sqlite").path)
        try database.defineCohort(name: "ed", .prefix("input/ed/"))
        try database.inventory { writer in
            for n in 1...3 {
                try writer.add(
                    InventoryRecord(
                        inputKey: "input/ed/S1/A/\(n).dcm", studyInstanceUID: "S1", seriesInstanceUID: "S1.A",
                        sopInstanceUID: "sop\(n)", patientID: "P1", patientName: "DOE^JANE", accessionNumber: "ACC1"))
            }
        }
        try database.ingest { s in
            let file = try s.save(FileCursor(path: "results", kind: "success"))
            let job = try s.merge(
                ImportJobObservation(
                    jobId: "job1", datastoreId: "ds1", status: .completed, submittedAt: 1000, endedAt: 1600,
                    inputS3Uri: "s3://bucket/input/ed/", outputS3Uri: "s3://bucket/output/ds1-DicomImport-job1"))
            try s.addResult(
                ResultLine(inputFile: "input/ed/S1/A/1.dcm", outcome: .success, imageSetId: "set1", isPrimary: true),
                job: job, file: file, line: 1)
            try s.addResult(
                ResultLine(inputFile: "input/ed/S1/A/2.dcm", outcome: .failure, exceptionType: "X", message: "bad"),
                job: job, file: file, line: 2)
            try s.apply(
                JobManifest(
                    jobId: "job1", datastoreId: "ds1", inputS3Uri: "s3://bucket/input/ed/", numberOfScannedFiles: 2,
                    numberOfImportedFiles: 1, numberOfFilesWithCustomerError: 1))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

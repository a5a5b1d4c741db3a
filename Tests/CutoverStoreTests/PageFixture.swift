import CutoverCore
import CutoverFormats
import CutoverStore
import Foundation

/// A small migration for the page tests, on a real SQLite file:
///
/// - cohorts `ed` (prefix input/ed/) and `cardio` (prefix input/cardio/);
/// - ed: study S1 (series A, keys 1–4; key 4 has another PatientID and PatientName), study S2 (series B, keys
///   1–3); cardio: study S3 (series C, keys 1–2);
/// - job-ed-1 (COMPLETED, 1000 → 1600, manifest: 7 scanned, 6 imported, 1 customer error): S1/A/1–3 in primary
///   set setP, S1/A/4 in non-primary setNP (version 1), S2/B/1 warning 45330, S2/B/2 warnings 45330 and 45331,
///   S2/B/3 failure;
/// - job-cardio-1 (IN_PROGRESS, submitted 2000): S3/C/1 warning 45330, S3/C/2 in non-primary setNP2;
/// - job-orphan: seen only through its output folder (no status, no input).
final class PageFixture {
    let store: TemporaryDatabase
    var database: CutoverDatabase { store.database }

    init() throws {
        store = try TemporaryDatabase()
        let db = store.database
        try db.defineCohort(name: "ed", .prefix("input/ed/"))
        try db.defineCohort(name: "cardio", .prefix("input/cardio/"))
        try db.inventory { writer in
            func add(_ key: String, _ study: String, _ series: String, _ patient: String, _ name: String, _ acc: String)
                throws
            {
                try writer.add(
                    InventoryRecord(
                        inputKey: key, studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: "sop-" + key,
                        patientID: patient, patientName: name, accessionNumber: acc, studyDate: "20260101"))
            }
            for n in 1...3 { try add("input/ed/S1/A/\(n).dcm", "S1", "S1.A", "P1", "DOE^JANE", "ACC1") }
            try add("input/ed/S1/A/4.dcm", "S1", "S1.A", "P1X", "DOE^J", "ACC1")
            for n in 1...3 { try add("input/ed/S2/B/\(n).dcm", "S2", "S2.B", "P2", "ROE^RICHARD", "ACC2") }
            for n in 1...2 { try add("input/cardio/S3/C/\(n).dcm", "S3", "S3.C", "P3", "POE^EDGAR", "ACC3") }
        }
        try db.ingest { s in
            let file = try s.save(FileCursor(path: "results", kind: "success"))
            var line = 0
            func result(_ r: ResultLine, _ job: JobHandle) throws {
                line += 1
                try s.addResult(r, job: job, file: file, line: line)
            }
            let ed = try s.merge(
                ImportJobObservation(
                    jobId: "job-ed-1", datastoreId: "ds", jobName: "ed first", status: .completed, submittedAt: 1000,
                    endedAt: 1600, inputS3Uri: "s3://bucket/input/ed/", outputS3Uri: "s3://bucket/output/"))
            for n in 1...3 {
                try result(ResultLine(inputFile: "input/ed/S1/A/\(n).dcm", outcome: .success, imageSetId: "setP", isPrimary: true), ed)
            }
            try result(
                ResultLine(inputFile: "input/ed/S1/A/4.dcm", outcome: .success, imageSetId: "setNP", isPrimary: false,
                           imageSetVersion: 1), ed)
            try result(
                ResultLine(
                    inputFile: "input/ed/S2/B/1.dcm", outcome: .warning, imageSetId: "setQ", isPrimary: true,
                    warnings: [ImportWarning(code: 45330, message: "m1")]), ed)
            try result(
                ResultLine(
                    inputFile: "input/ed/S2/B/2.dcm", outcome: .warning, imageSetId: "setQ", isPrimary: true,
                    warnings: [ImportWarning(code: 45330, message: "m2"), ImportWarning(code: 45331, message: "other")]), ed)
            try result(
                ResultLine(inputFile: "input/ed/S2/B/3.dcm", outcome: .failure, exceptionType: "X", message: "bad"), ed)
            try s.apply(
                JobManifest(
                    jobId: "job-ed-1", datastoreId: "ds", inputS3Uri: "s3://bucket/input/ed/",
                    numberOfScannedFiles: 7, numberOfImportedFiles: 6, numberOfFilesWithCustomerError: 1))
            let cardio = try s.merge(
                ImportJobObservation(
                    jobId: "job-cardio-1", datastoreId: "ds", jobName: "cardio", status: .inProgress, submittedAt: 2000,
                    inputS3Uri: "s3://bucket/input/cardio/"))
            try result(
                ResultLine(
                    inputFile: "input/cardio/S3/C/1.dcm", outcome: .warning, imageSetId: "setR", isPrimary: true,
                    warnings: [ImportWarning(code: 45330, message: "m3")]), cardio)
            try result(
                ResultLine(inputFile: "input/cardio/S3/C/2.dcm", outcome: .success, imageSetId: "setNP2", isPrimary: false),
                cardio)
            _ = try s.job(jobId: "job-orphan", datastoreId: "ds")
        }
    }
}

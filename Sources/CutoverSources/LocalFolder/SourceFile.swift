import Foundation
import CutoverCore

/// A file found below a source path, with what its place says it is.
public struct SourceFile: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        /// `<job folder>/job-output-manifest.json`
        case manifest(JobFolderName)
        /// `<job folder>/SUCCESS/success.ndjson` and its siblings.
        case results(JobFolderName, Outcome)
        /// Anything else that may hold JSON: API responses or events; its content decides.
        case document
    }

    public var path: String
    public var role: Role
    public var size: Int64
    public var mtimeNanoseconds: Int64

    /// Processing order within one poll. What tells us about jobs (API responses, events) comes first, so a
    /// job's place in time is usually known when its results arrive. Then each job folder as a unit: its
    /// result files, and its manifest last, because a read manifest marks the job's outputs as complete (only
    /// then can a job say which keys are missing).
    var order: (phase: Int, folder: String, rank: Int) {
        let folder = String(path[..<(path.range(of: "-DicomImport-")?.upperBound ?? path.startIndex)])
        switch role {
        case .document: return (0, "", 0)
        case .results(let job, let outcome): return (1, folder + job.jobId, outcome.code)
        case .manifest(let job): return (1, folder + job.jobId, 9)
        }
    }
}

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

    /// Processing order within one poll: what tells us about jobs (API responses, events) before their
    /// results, so a job's place in time is usually known when its results arrive.
    var phase: Int {
        switch role {
        case .document: 0
        case .manifest: 1
        case .results(_, let outcome): 2 + outcome.code
        }
    }
}

import CutoverCloud
import CutoverStore
import Foundation

/// Counts what an edge PACS holds by walking QIDO-RS studies → series → instances, and records the counts.
///
/// Instances are counted by listing them, because the `NumberOf…Related…` attributes are optional in QIDO-RS
/// and some servers leave them out or compute them lazily.
public struct PacsCensus {
    /// What one census found.
    public struct Report: Equatable, Sendable {
        public var source: String
        public var studies: [PacsStudyCount]
        /// Studies whose listed series or instances disagree with the counts the PACS declared for them.
        public var declaredMismatches: Int
        public var requests: Int

        public var totals: LevelCounts {
            LevelCounts(
                studies: Int64(studies.count), series: studies.reduce(0) { $0 + $1.series },
                instances: studies.reduce(0) { $0 + $1.instances })
        }
    }

    let client: DICOMwebClient

    public init(client: DICOMwebClient) { self.client = client }

    /// Walks the PACS. `progress` gets (studies done, studies found).
    public func count(studyLimit: Int? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws(DICOMwebError)
        -> Report
    {
        let studies = try client.studies(maximum: studyLimit)
        var counts: [PacsStudyCount] = []
        counts.reserveCapacity(studies.count)
        var mismatches = 0
        for (index, study) in studies.enumerated() {
            let series = try client.series(ofStudy: study.studyInstanceUID)
            var instances = 0
            for one in series {
                instances += try client.instances(ofStudy: study.studyInstanceUID, series: one.seriesInstanceUID).count
            }
            if let declared = study.numberOfSeries, declared != series.count { mismatches += 1 } else if let
                declared = study.numberOfInstances, declared != instances
            {
                mismatches += 1
            }
            counts.append(
                PacsStudyCount(
                    studyInstanceUID: study.studyInstanceUID, series: Int64(series.count), instances: Int64(instances)))
            progress(index + 1, studies.count)
        }
        return Report(source: client.baseURL, studies: counts, declaredMismatches: mismatches, requests: client.requests)
    }

    /// Walks the PACS and replaces its recorded counts in `database`.
    public func record(
        into database: CutoverDatabase, studyLimit: Int? = nil, now: Date = Date(),
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Report {
        let report = try count(studyLimit: studyLimit, progress: progress)
        try database.replacePacsStudies(source: report.source, studies: report.studies, fetchedAt: now)
        return report
    }
}

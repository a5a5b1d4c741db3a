import CutoverCore

/// Job output folders: the three NDJSON files grow while a job runs; the manifest appears when it ends.
extension DemoWriter {
    static let manifestName = "job-output-manifest.json"

    /// Returns the number of result lines of all jobs at `ms`.
    func advanceResults(atMs ms: Int64) throws -> Int {
        var lines = 0
        for job in plan.jobs where job.kind != .failed && job.startedMs <= ms {
            let folderPath = plan.jobFolderPath(job)
            let manifest = folderPath + "/" + Self.manifestName
            let ended = job.kind != .stalled && ms >= job.endedMs
            if ended && folder.exists(manifest) {
                lines += job.tally.lines
                continue
            }
            let contents = job.processed(atMs: ms) > 0 || ended ? plan.contents(of: job) : nil
            lines += try appendLines(job, contents, folderPath: folderPath, atMs: ms)
            if ended, let contents {
                try folder.replace(manifest, manifestJSON(contents).prettyBytes)
            }
        }
        return lines
    }

    /// Appends the lines of files processed by `ms` that are not on disk yet.
    private func appendLines(_ job: PlannedJob, _ contents: JobContents?, folderPath: String, atMs ms: Int64) throws
        -> Int
    {
        let files = Outcome.allCases.map { folderPath + "/" + $0.relativePath }
        for (outcome, file) in zip(Outcome.allCases, files) {
            try folder.ensureDirectory(folderPath + "/" + outcome.relativePath.split(separator: "/")[0])
            try folder.createEmptyIfMissing(file)
        }
        guard let contents else { return 0 }
        let onDisk = try files.map { try folder.completeLineCount($0) }
        let keyPrefixes = job.seriesRange.map { Array(plan.seriesKeyPrefix(plan.series[$0]).utf8) }
        var imageSets: [Int32: [UInt8]] = [:]
        var written = [0, 0, 0]
        var buffers = [ByteBuffer(), ByteBuffer(), ByteBuffer()]
        for rank in 0..<job.processed(atMs: ms) {
            let local = Int(contents.order[rank])
            let outcome = contents.outcomes[local]
            guard let file = outcome.resultFile else { continue }
            let f = file.code
            written[f] += 1
            guard written[f] > onDisk[f] else { continue }
            let si = Int(contents.seriesOf[local])
            let study = plan.series[si].study
            if imageSets[study] == nil { imageSets[study] = Array(plan.imageSetId(study: Int(study)).utf8) }
            appendLine(
                outcome, keyPrefix: keyPrefixes[si - job.seriesRange.lowerBound],
                index: Int(contents.indexInSeries[local]), imageSet: imageSets[study]!,
                version: job.kind == .retry ? 2 : 1, isPrimary: !plan.studies[Int(study)].isResend, to: &buffers[f])
        }
        for (f, file) in files.enumerated() { try folder.append(file, buffers[f].bytes) }
        return written.reduce(0, +)
    }

    /// Compact JSON in the exact shape of the reference examples.
    private func appendLine(
        _ outcome: InstanceOutcome, keyPrefix: [UInt8], index: Int, imageSet: [UInt8], version: Int, isPrimary: Bool,
        to out: inout ByteBuffer
    ) {
        out.append("{\"inputFile\":\"")
        plan.appendInputKey(prefix: keyPrefix, index: index, to: &out)
        switch outcome.kind {
        case .customerError:
            let failure = outcome.failure ?? .missingAttributes
            out.append("\",\"exception\":{\"exceptionType\":\"")
            out.append(failure.exceptionType)
            out.append("\",\"message\":")
            out.appendJSONString(failure.message)
            out.append("}}\n")
            return
        case .success, .warning, .serverError:
            out.append("\",\"importResponse\":{\"imageSetId\":\"")
            out.append(imageSet)
            out.append(byte: 34)
        }
        if outcome.kind == .warning {
            out.append(",\"imageSetVersion\":")
            out.append(version)
        }
        out.append(isPrimary ? ",\"isPrimary\":true" : ",\"isPrimary\":false")
        if outcome.kind == .warning {
            out.append(",\"warnings\":[")
            for (i, warning) in outcome.warnings.kinds.enumerated() {
                if i > 0 { out.append(byte: 44) }
                out.append("{\"warning_reason_code\":")
                out.append(warning.code)
                out.append(",\"type\":")
                out.appendJSONString(warning.type)
                out.append(",\"message\":")
                out.appendJSONString(warning.message)
                out.append(byte: 125)
            }
            out.append(byte: 93)
        }
        out.append("}}\n")
    }

    /// `{"jobSummary": {...}}` with every field of reference §1.2, counted from the same outcomes as the lines.
    func manifestJSON(_ contents: JobContents) -> JSONValue {
        let job = contents.job
        var tally = JobTally()
        var matched: [Int32: Int] = [:]
        for (local, outcome) in contents.outcomes.enumerated() {
            tally.count(outcome)
            if outcome.isImported { matched[plan.series[Int(contents.seriesOf[local])].study, default: 0] += 1 }
        }
        let imageSets: [JSONValue] = matched.keys.sorted().map { study in
            .object([
                ("imageSetId", .string(plan.imageSetId(study: Int(study)))),
                ("imageSetVersion", .int(job.kind == .retry ? 2 : 1)),
                ("isPrimary", .bool(!plan.studies[Int(study)].isResend)),
                ("numberOfMatchedSOPInstances", .int(matched[study]!)),
            ])
        }
        let output = plan.outputS3Uri(job)
        return .object([
            (
                "jobSummary",
                .object([
                    ("jobId", .string(job.id)),
                    ("datastoreId", .string(plan.datastore)),
                    ("inputS3Uri", .string(plan.inputS3Uri(job))),
                    ("outputS3Uri", .string(output)),
                    ("successOutputS3Uri", .string(output + "SUCCESS/")),
                    ("failureOutputS3Uri", .string(output + "FAILURE/")),
                    ("warningsOutputS3Uri", .string(output + "WARNING/")),
                    ("numberOfScannedFiles", .int(tally.scanned)),
                    ("numberOfImportedFiles", .int(tally.imported)),
                    ("numberOfFilesWithCustomerError", .int(tally.customerError)),
                    ("numberOfFilesWithServerError", .int(tally.serverError)),
                    ("numberOfGeneratedImageSets", .int(imageSets.count)),
                    ("imageSetsSummary", .array(imageSets)),
                ])
            )
        ])
    }
}

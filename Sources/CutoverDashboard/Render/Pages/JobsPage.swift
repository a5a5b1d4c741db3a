import CutoverStore
import CutoverTerminal

/// Page 2: import jobs, newest first, with the manifest's counts.
enum JobsPage {
    static let columns: [Column] = [
        .left("Job", 12, priority: 10),
        .left("Name", 12, flexible: true, priority: 3),
        .left("Cohort", 12, priority: 6),
        .left("Status", 11, priority: 10),
        .left("Submitted", 16, priority: 5),
        .right("Duration", 8, priority: 4),
        .right("Scanned", 8, priority: 7),
        .right("Imported", 8, priority: 8),
        .right("Errors", 7, priority: 9),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        guard case .jobs(let slice)? = state.view.content else {
            ListPage(info: "jobs", columns: columns, rows: [], empty: "").draw(state, &buffer)
            return
        }
        let running = slice.rows.filter { $0.status == "IN_PROGRESS" || $0.status == "SUBMITTED" }.count
        let failed = slice.rows.filter { $0.status == "FAILED" }.count
        var info = "\(Format.count(slice.total)) jobs \(state.glyphs.separator) \(running) running"
        if failed > 0 { info += " \(state.glyphs.separator) \(failed) failed" }
        if slice.total > slice.rows.count { info += " \(state.glyphs.separator) showing \(slice.rows.count)" }
        ListPage(
            info: info, columns: columns, rows: slice.rows.map { cells($0, now: state.now) },
            empty: "no jobs yet: the poller has not seen any job output, API response or event"
        ).draw(state, &buffer)
    }

    static func cells(_ job: JobRow, now: Double) -> [TableCell] {
        let errors = (job.customerErrors ?? 0) + (job.serverErrors ?? 0)
        let errorText = job.customerErrors == nil && job.serverErrors == nil ? "-" : Format.count(errors)
        var duration = "-"
        if let start = job.submittedAt {
            let end = job.endedAt ?? (statusIsActive(job.status) ? now : nil)
            if let end { duration = Format.duration(end - start) }
        }
        return [
            TableCell(job.jobId),
            TableCell(job.jobName ?? "-", job.jobName == nil ? .muted : .normal),
            TableCell(job.cohort ?? "-", job.cohort == nil ? .muted : .normal),
            TableCell(job.status ?? "UNKNOWN", statusRole(job.status)),
            TableCell(Format.minute(job.submittedAt)),
            TableCell(duration),
            TableCell(Format.optionalCount(job.scanned)),
            TableCell(Format.optionalCount(job.imported)),
            TableCell(errorText, errors > 0 ? .critical : .muted),
        ]
    }

    static func statusIsActive(_ status: String?) -> Bool { status == "IN_PROGRESS" || status == "SUBMITTED" }

    static func statusRole(_ status: String?) -> StyleRole {
        switch status {
        case "COMPLETED": .ok
        case "FAILED": .critical
        case "IN_PROGRESS", "SUBMITTED": .accent
        default: .muted
        }
    }
}

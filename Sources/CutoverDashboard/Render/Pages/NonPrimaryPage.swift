import CutoverCore
import CutoverStore
import CutoverTerminal

/// Page 3: image sets AHI created as non-primary; Enter lists their instances and the conflicting attributes.
enum NonPrimaryPage {
    static let columns: [Column] = [
        .left("Image set", 32, flexible: true, priority: 10),
        .left("Study", 20, flexible: true, priority: 4),
        .right("Instances", 9, priority: 8),
        .left("Job", 12, priority: 3),
        .left("Cohort", 12, priority: 6),
        .left("Finding", 12, priority: 9),
    ]

    static let instanceColumns: [Column] = [
        .left("Key", 20, flexible: true, priority: 10),
        .left("PatientID", 11, priority: 9),
        .left("PatientName", 14, priority: 8),
        .left("Accession", 11, priority: 7),
        .left("Series", 16, flexible: true, priority: 3),
        .left("Outcome", 8, priority: 6),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        if case .imageSet(let id)? = state.view.drill {
            drawInstances(id, state, &buffer)
            return
        }
        guard case .nonPrimary(let slice)? = state.view.content else {
            ListPage(info: "non-primary image sets", columns: columns, rows: [], empty: "").draw(state, &buffer)
            return
        }
        let open = slice.rows.filter { $0.findingState?.isOpen ?? false }.count
        ListPage(
            info: "\(Format.count(slice.total)) non-primary image sets \(state.glyphs.separator) \(open) open",
            infoRole: open > 0 ? .careful : .normal,
            columns: columns, rows: slice.rows.map(cells),
            empty: "no non-primary image sets: every imported study landed in a primary image set"
        ).draw(state, &buffer)
    }

    static func cells(_ row: NonPrimaryRow) -> [TableCell] {
        [
            TableCell(row.imageSetId),
            TableCell(row.studyInstanceUID ?? "-", row.studyInstanceUID == nil ? .muted : .normal),
            TableCell(Format.count(row.instances)),
            TableCell(row.jobId ?? "-"),
            TableCell(row.cohort ?? "-", row.cohort == nil ? .muted : .normal),
            FindingCell.state(row.findingState),
        ]
    }

    private static func drawInstances(_ id: String, _ state: AppState, _ buffer: inout CellBuffer) {
        var rows: [[TableCell]] = []
        var info = "image set \(id)"
        var role = StyleRole.normal
        if case .imageSet(let detail)? = state.view.drillContent {
            let reveal = state.revealPHI && state.mode == .interactive
            info += " \(state.glyphs.separator) \(detail.instances.count) instances"
            if !reveal { info += " \(state.glyphs.separator) patient data masked (p reveals, audited)" }
            if detail.conflicts.isEmpty {
                info += " \(state.glyphs.separator) no attribute conflicts known"
            } else {
                info += " \(state.glyphs.separator) conflicts: "
                    + detail.conflicts.map { "\($0.attribute) (\($0.values.count) values)" }.joined(separator: ", ")
                role = .careful
            }
            rows = detail.instances.map { instance in
                [
                    TableCell(instance.key),
                    TableCell(Format.patient(instance.patientID, reveal: reveal)),
                    TableCell(Format.patient(instance.patientName, reveal: reveal)),
                    TableCell(Format.patient(instance.accessionNumber, reveal: reveal)),
                    TableCell(instance.seriesInstanceUID ?? "-"),
                    TableCell(instance.outcome),
                ]
            }
        }
        ListPage(info: info, infoRole: role, columns: instanceColumns, rows: rows, empty: "no instances recorded")
            .draw(state, &buffer)
    }
}

/// A finding's triage state in its colour.
enum FindingCell {
    static func state(_ state: FindingState?) -> TableCell {
        guard let state else { return TableCell("-", .muted) }
        switch state {
        case .open: return TableCell("open", .warning)
        case .acknowledged: return TableCell("acked", .careful)
        case .retryQueued: return TableCell("retry-queued", .accent)
        case .waived: return TableCell("waived", .muted)
        case .resolved: return TableCell("resolved", .ok)
        }
    }
}

import CutoverStore
import CutoverTerminal

/// Page 6: the event feed, newest first, de-duplicated by event id at ingest.
enum EventsPage {
    static let columns: [Column] = [
        .left("Time", 19, priority: 9),
        .left("Type", 26, flexible: true, priority: 10),
        .left("Job", 12, priority: 6),
        .left("Image set", 14, flexible: true, priority: 5),
        .left("Status", 11, priority: 8),
        .left("Primary", 7, priority: 4),
    ]

    static func draw(_ state: AppState, _ buffer: inout CellBuffer) {
        guard case .events(let slice)? = state.view.content else {
            ListPage(info: "events", columns: columns, rows: [], empty: "").draw(state, &buffer)
            return
        }
        var info = "\(Format.count(slice.total)) events, newest first"
        if slice.total > slice.rows.count { info += " \(state.glyphs.separator) showing \(slice.rows.count)" }
        ListPage(
            info: info, columns: columns, rows: slice.rows.map(cells),
            empty: state.view.filter.isEmpty ? "no events yet" : "no event matches the filter"
        ).draw(state, &buffer)
    }

    static func cells(_ event: EventRow) -> [TableCell] {
        let primary: TableCell =
            switch event.isPrimary {
            case true?: TableCell("yes", .muted)
            case false?: TableCell("no", .careful)
            case nil: TableCell("-", .muted)
            }
        return [
            TableCell(event.epoch.map(Format.minute) ?? event.time),
            TableCell(event.detailType, event.detailType.contains("Fail") ? .critical : .normal),
            TableCell(event.jobId ?? "-"),
            TableCell(event.imageSetId ?? "-"),
            TableCell(event.status ?? "-", JobsPage.statusRole(event.status)),
            primary,
        ]
    }
}

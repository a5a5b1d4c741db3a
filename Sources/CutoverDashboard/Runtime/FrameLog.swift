import Foundation

/// An opt-in record of what each frame cost, for `make load` (hidden: `CUTOVER_FRAME_LOG=/path`).
///
/// One tab-separated line per drawn frame: wall-clock seconds, total ms, page, then the three parts of the
/// total — page and header loads since the previous frame, rendering into the cell buffer, and the terminal
/// flush. The runtime only reads the clock when a log is open, so a dashboard without one pays nothing.
public final class FrameLog {
    private let file: UnsafeMutablePointer<FILE>

    /// Appends to `path`; nil when it cannot be opened (the dashboard runs unmeasured rather than not at all).
    public init?(path: String) {
        guard let file = fopen(path, "a") else { return nil }
        self.file = file
        // Line-buffered, so a reader sees whole lines while the dashboard runs and after it is killed.
        setvbuf(file, nil, _IOLBF, 4096)
    }

    deinit { fclose(file) }

    /// Monotonic milliseconds, for the runtime's stopwatch.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

    func record(page: String, loadMs: Double, renderMs: Double, flushMs: Double) {
        func ms(_ value: Double) -> String { String(format: "%.3f", value) }
        let fields = [
            ms(Date().timeIntervalSince1970), ms(loadMs + renderMs + flushMs), page, ms(loadMs), ms(renderMs),
            ms(flushMs),
        ]
        fputs(fields.joined(separator: "\t") + "\n", file)
    }
}

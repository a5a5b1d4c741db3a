import CutoverTerminal
import Foundation

/// The thin shell around the pure screens: reads keys, runs effects, renders when something changed.
///
/// Everything runs on the calling thread, which also owns the terminal (curses is not thread-safe).
public final class DashboardRuntime {
    public struct Timing: Sendable {
        /// At least this long between frames (10 frames/s interactive; more with --slow-link).
        public var frameInterval: Double
        /// How often to look for other processes' writes.
        public var changeCheckInterval: Double
        /// How often the clock ticks (staleness labels, flash expiry).
        public var tickInterval: Double

        public init(frameInterval: Double = 0.1, changeCheckInterval: Double = 0.5, tickInterval: Double = 1) {
            self.frameInterval = frameInterval
            self.changeCheckInterval = changeCheckInterval
            self.tickInterval = tickInterval
        }
    }

    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let loader: PageLoader
    private let performer: OperationPerformer?
    private let clock: () -> Double
    private let timing: Timing
    private let pendingSignal: () -> Int32?
    private var quitRequested = false
    private var dirty = true
    private let frameLog: FrameLog?
    /// Milliseconds spent loading since the last frame (only counted when `frameLog` is open).
    private var loadMsSinceFrame = 0.0

    public init(
        state: AppState, backend: TerminalBackend, loader: PageLoader, performer: OperationPerformer?,
        timing: Timing = Timing(), clock: @escaping () -> Double = { Date().timeIntervalSince1970 },
        pendingSignal: @escaping () -> Int32? = { nil }, frameLog: FrameLog? = nil
    ) {
        self.frameLog = frameLog
        self.state = state
        self.backend = backend
        self.loader = loader
        self.performer = performer
        self.timing = timing
        self.clock = clock
        self.pendingSignal = pendingSignal
    }

    /// Runs until `q` or a signal; returns the exit status (128 + signal for a signal).
    public func run() -> Int32 {
        dispatch(.resized(backend.size))
        dispatch(.tick(now: clock()))
        execute([.loadHeader, .load(state.query)])
        var lastFrame = -Double.infinity
        var lastTick = clock()
        var lastCheck = clock()
        while !quitRequested {
            if let signal = pendingSignal() { return 128 + signal }
            let now = clock()
            if dirty && now - lastFrame >= timing.frameInterval {
                drawFrame()
                dirty = false
                lastFrame = now
            }
            let wait = dirty ? max(1, Int((timing.frameInterval - (now - lastFrame)) * 1000)) : 100
            if let key = backend.readKey(timeoutMilliseconds: min(wait, 100)) {
                dispatch(key == .resize ? .resized(backend.size) : .key(key))
            }
            let later = clock()
            if later - lastTick >= timing.tickInterval {
                lastTick = later
                dispatch(.tick(now: later))
            }
            if later - lastCheck >= timing.changeCheckInterval {
                lastCheck = later
                if loader.dataChanged() { dispatch(.dataChanged) }
            }
        }
        return 0
    }

    private func drawFrame() {
        guard let frameLog else {
            backend.draw(Screen.render(state))
            return
        }
        let start = FrameLog.now()
        let buffer = Screen.render(state)
        let rendered = FrameLog.now()
        backend.draw(buffer)
        let flushed = FrameLog.now()
        frameLog.record(
            page: state.page.slug, loadMs: loadMsSinceFrame, renderMs: rendered - start, flushMs: flushed - rendered)
        loadMsSinceFrame = 0
    }

    /// Runs a load, adding its time to the next frame's when frames are logged.
    private func timed<T>(_ body: () throws -> T) rethrows -> T {
        guard frameLog != nil else { return try body() }
        let start = FrameLog.now()
        defer { loadMsSinceFrame += FrameLog.now() - start }
        return try body()
    }

    /// Feeds one action through the reducer and runs what it asks for.
    public func dispatch(_ action: Action) {
        let effects = Reducer.reduce(&state, action)
        dirty = true
        execute(effects)
    }

    private func execute(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .load(let query):
                do {
                    dispatch(.loaded(query, try timed { try loader.load(query) }))
                } catch {
                    dispatch(.loadFailed(query, String(describing: error)))
                }
            case .loadHeader:
                if let header = try? timed({ try loader.header(state.header) }) { dispatch(.headerLoaded(header)) }
            case .perform(let operation):
                guard let performer else {
                    dispatch(.operationFinished(operation, message: "this session cannot act", succeeded: false))
                    continue
                }
                let result = performer.perform(operation)
                dispatch(.operationFinished(operation, message: result.message, succeeded: result.succeeded))
            case .quit:
                quitRequested = true
            }
        }
    }
}

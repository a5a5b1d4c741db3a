import CutoverTerminal

/// Everything that can happen to the dashboard: input, time, and what the runtime reports back.
public enum Action: Equatable, Sendable {
    case key(Key)
    case tick(now: Double)
    case resized(TerminalSize)
    case loaded(PageQuery, PageContent)
    case loadFailed(PageQuery, String)
    case headerLoaded(HeaderInfo)
    /// Another process (or the in-process poller) committed: reload what is visible.
    case dataChanged
    case operationFinished(Operation, message: String, succeeded: Bool)
}

/// Work the runtime does for the reducer; results come back as actions.
public enum Effect: Equatable, Sendable {
    case load(PageQuery)
    case loadHeader
    case perform(Operation)
    case quit
}

import CutoverCore
import CutoverTerminal

/// The dashboard's one state transition: `reduce(&state, action)` returns the effects for the runtime.
///
/// Pure: no clock, no database, no terminal. Tests feed actions and check state and effects.
public enum Reducer {
    /// How long a flash message stays.
    static let flashSeconds = 6.0

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .tick(let now):
            state.now = now
            if let flash = state.flash, now >= flash.until { state.flash = nil }
            if var rotation = state.rotation, now - rotation.shownSince >= rotation.seconds {
                rotation.shownSince = now
                state.rotation = rotation
                return go(to: state.neighbour(of: state.page, by: 1), &state)
            }
            return []
        case .resized(let size):
            state.size = size
            for page in Page.allCases { state.views[page]?.clampScroll(rows: Layout.listRows(size)) }
            return []
        case .loaded(let query, let content):
            receive(&state, query: query, content: content)
            return []
        case .loadFailed(let query, let message):
            state.views[query.page]?.loadError = message
            return []
        case .headerLoaded(let header):
            state.header = header
            return []
        case .dataChanged:
            return [.loadHeader, .load(state.query)]
        case .operationFinished(let operation, let message, let succeeded):
            if succeeded, case .revealPHI = operation { state.revealPHI = true }
            state.flash(message, role: succeeded ? .ok : .critical)
            return [.loadHeader, .load(state.query)]
        case .key(let key):
            if state.dialog != nil { return dialogKey(&state, key) }
            if state.filterInput != nil { return filterKey(&state, key) }
            if state.showHelp {
                if key == .escape || key == .character("?") || key == .character("q") || key == .enter {
                    state.showHelp = false
                }
                return []
            }
            guard let command = CommandTable.command(for: key, mode: state.mode) else { return [] }
            return run(command, key: key, &state)
        }
    }

    private static func receive(_ state: inout AppState, query: PageQuery, content: PageContent) {
        guard var view = state.views[query.page] else { return }
        if query.drill == nil {
            view.content = content
            if query.page == .gates, case .gates(let gates?) = content, state.gatesCohort == nil {
                state.gatesCohort = gates.cohort.name
            }
        } else if query.drill == view.drill {
            view.drillContent = content
        } else {
            return
        }
        view.loadError = nil
        view.clampCursor()
        view.clampScroll(rows: Layout.listRows(state.size))
        state.views[query.page] = view
    }

    /// Dispatch: the page must fit the command, and a mutating command must be allowed in this mode.
    private static func run(_ command: Command, key: Key, _ state: inout AppState) -> [Effect] {
        guard command.applies(to: state.page) else {
            let pages = Page.tabs.filter(command.applies).map(\.title).joined(separator: ", ")
            state.flash("\(command.title) works on \(pages)", role: .muted)
            return []
        }
        if command.mutates, let refusal = state.mode.refusal {
            state.flash("\(command.title): \(refusal)", role: .careful)
            return []
        }
        let rows = Layout.listRows(state.size)
        switch command.id {
        case .up: state.moveCursor(by: -1, rows: rows)
        case .down: state.moveCursor(by: 1, rows: rows)
        case .pageUp: state.moveCursor(by: -rows, rows: rows)
        case .pageDown: state.moveCursor(by: rows, rows: rows)
        case .top: state.moveCursor(by: Int.min / 2, rows: rows)
        case .bottom: state.moveCursor(by: Int.max / 2, rows: rows)
        case .open: return open(&state)
        case .back:
            if state.view.drill != nil {
                state.view.drill = nil
                state.view.drillContent = nil
                state.revealPHI = false
            } else if state.page == .gates {
                return go(to: .cohorts, &state)
            }
        case .goToPage:
            guard case .character(let c) = key, let n = c.wholeNumberValue, let page = Page(rawValue: n) else { return [] }
            return go(to: page, &state)
        case .nextPage: return go(to: state.neighbour(of: state.page, by: 1), &state)
        case .previousPage: return go(to: state.neighbour(of: state.page, by: -1), &state)
        case .previousCohort: return cycleCohort(by: -1, &state)
        case .nextCohort: return cycleCohort(by: 1, &state)
        case .filter: state.filterInput = TextInput(prompt: "filter: ", text: state.view.filter)
        case .sort:
            let keys = state.page.sortKeys
            guard keys.count > 1 else { return [] }
            state.view.sortIndex = (state.view.sortIndex + 1) % keys.count
            state.view.cursor = 0
            state.view.scroll = 0
            state.flash("sorted by \(keys[state.view.sortIndex])", role: .muted)
            return [.load(state.query)]
        case .refresh: return [.loadHeader, .load(state.query)]
        case .help: state.showHelp = true
        case .quit: return [.quit]
        case .hold, .release, .retry, .approve, .triage, .acknowledgeGroup, .export, .revealPHI:
            return act(command, &state)
        }
        return []
    }

    private static func go(to page: Page, _ state: inout AppState) -> [Effect] {
        // Revealed patient data lasts until the page changes.
        if page != state.page { state.revealPHI = false }
        state.page = page
        state.rotation?.shownSince = state.now
        var effects: [Effect] = [.load(state.query(for: page))]
        // Gates cycles through cohorts, so it needs the cohort list too.
        if page == .gates && state.views[.cohorts]?.content == nil { effects.append(.load(state.query(for: .cohorts))) }
        return effects
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        let view = state.view
        guard view.drill == nil else { return [] }
        switch (state.page, view.content) {
        case (.cohorts, .cohorts(let rows)?) where rows.indices.contains(view.cursor):
            state.gatesCohort = rows[view.cursor].name
            state.views[.gates]?.content = nil
            return go(to: .gates, &state)
        case (.nonPrimary, .nonPrimary(let slice)?) where slice.rows.indices.contains(view.cursor):
            return drill(into: .imageSet(slice.rows[view.cursor].imageSetId), &state)
        case (.warnings, .warnings(let rows)?) where rows.indices.contains(view.cursor):
            return drill(into: .warningCode(rows[view.cursor].code), &state)
        default:
            return []
        }
    }

    private static func drill(into drill: Drill, _ state: inout AppState) -> [Effect] {
        state.revealPHI = false
        state.view.drill = drill
        state.view.drillContent = nil
        state.view.drillCursor = 0
        state.view.drillScroll = 0
        return [.load(state.query)]
    }

    private static func cycleCohort(by step: Int, _ state: inout AppState) -> [Effect] {
        guard case .cohorts(let rows)? = state.views[.cohorts]?.content, !rows.isEmpty else { return [] }
        let current = rows.firstIndex { $0.name == state.gatesCohort } ?? 0
        state.gatesCohort = rows[(current + step + rows.count) % rows.count].name
        return [.load(state.query)]
    }
}

extension AppState {
    mutating func flash(_ text: String, role: StyleRole) {
        flash = Flash(text: text, role: role, until: now + Reducer.flashSeconds)
    }

    mutating func moveCursor(by step: Int, rows: Int) {
        var view = self.view
        let count = view.visibleContent?.rowCount ?? 0
        guard count > 0 else { return }
        if view.drill == nil {
            view.cursor = max(0, min(count - 1, view.cursor.addingReportingOverflow(step).partialValue))
        } else {
            view.drillCursor = max(0, min(count - 1, view.drillCursor.addingReportingOverflow(step).partialValue))
        }
        view.clampScroll(rows: rows)
        self.view = view
    }
}

extension PageView {
    mutating func clampCursor() {
        let count = content?.rowCount ?? 0
        cursor = max(0, min(cursor, count - 1))
        let drillCount = drillContent?.rowCount ?? 0
        drillCursor = max(0, min(drillCursor, drillCount - 1))
    }

    /// Keeps the cursor on screen when it moves or the terminal shrinks.
    mutating func clampScroll(rows: Int) {
        let rows = max(1, rows)
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + rows { scroll = cursor - rows + 1 }
        if drillCursor < drillScroll { drillScroll = drillCursor }
        if drillCursor >= drillScroll + rows { drillScroll = drillCursor - rows + 1 }
    }
}

import CutoverCore
import CutoverTerminal

extension Reducer {
    /// Keys while a dialog is open: typing fills the focused field, Enter moves on or confirms, Esc cancels.
    static func dialogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var dialog = state.dialog else { return [] }
        if key == .escape {
            state.dialog = nil
            state.flash("cancelled", role: .muted)
            return []
        }
        if dialog.isYesNo {
            switch key {
            case .character("y"), .character("Y"): return confirm(dialog, &state)
            case .character("n"), .character("N"), .character("q"):
                state.dialog = nil
                state.flash("cancelled", role: .muted)
            default: break
            }
            return []
        }
        switch key {
        case .character(let c):
            if dialog.fields[dialog.focus].text.count < 200 { dialog.fields[dialog.focus].text.append(c) }
            dialog.error = nil
        case .backspace:
            if !dialog.fields[dialog.focus].text.isEmpty { dialog.fields[dialog.focus].text.removeLast() }
        case .control("u"):
            dialog.fields[dialog.focus].text = ""
        case .tab:
            if dialog.choices.isEmpty {
                dialog.focus = (dialog.focus + 1) % dialog.fields.count
            } else {
                dialog.choice = (dialog.choice + 1) % dialog.choices.count
            }
        case .backTab, .up:
            dialog.focus = max(0, dialog.focus - 1)
        case .down:
            dialog.focus = min(dialog.fields.count - 1, dialog.focus + 1)
        case .enter:
            if let problem = dialog.fields[dialog.focus].problem {
                dialog.error = problem
            } else if dialog.focus < dialog.fields.count - 1 {
                dialog.focus += 1
            } else if let problem = dialog.fields.lazy.compactMap(\.problem).first {
                dialog.error = problem
            } else if dialog.choices.indices.contains(dialog.choice), dialog.choices[dialog.choice] == .waived,
                dialog.fields[0].text.allSatisfy(\.isWhitespace)
            {
                dialog.error = "a waiver needs a note"
            } else {
                return confirm(dialog, &state)
            }
        default:
            break
        }
        state.dialog = dialog
        return []
    }

    private static func confirm(_ dialog: Dialog, _ state: inout AppState) -> [Effect] {
        state.dialog = nil
        let text = dialog.fields.first.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let choice = dialog.choices.indices.contains(dialog.choice) ? dialog.choices[dialog.choice] : nil
        state.flash("working…", role: .muted)
        return [.perform(dialog.operation.complete(text: text?.isEmpty == true ? nil : text, choice: choice))]
    }

    /// Keys while the filter line is open: Enter applies it (the query runs in SQLite), Esc keeps the old one.
    static func filterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var input = state.filterInput else { return [] }
        switch key {
        case .escape:
            state.filterInput = nil
            return []
        case .enter:
            state.filterInput = nil
            state.view.filter = input.text
            state.view.cursor = 0
            state.view.scroll = 0
            state.view.drill = nil
            return [.load(state.query)]
        case .backspace:
            if !input.text.isEmpty { input.text.removeLast() }
        case .control("u"):
            input.text = ""
        case .character(let c):
            if input.text.count < 100 { input.text.append(c) }
        default:
            break
        }
        state.filterInput = input
        return []
    }
}

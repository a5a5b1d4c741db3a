import CutoverCore
import Foundation

/// A typed line inside a dialog: a reason, a note, or the cohort's name typed to confirm.
public struct DialogField: Equatable, Sendable {
    public var label: String
    public var text: String = ""
    public var required: Bool
    /// When set, the text must equal this exactly (typed confirmation of an irreversible action).
    public var mustEqual: String?

    public init(label: String, required: Bool, mustEqual: String? = nil) {
        self.label = label
        self.required = required
        self.mustEqual = mustEqual
    }

    var problem: String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let mustEqual, trimmed != mustEqual { return "type \(mustEqual) exactly to confirm" }
        if required && trimmed.isEmpty { return "\(label.lowercased()) is required" }
        return nil
    }
}

/// A confirmation in progress: what will happen, the fields to fill, and the operation it will run.
public struct Dialog: Equatable, Sendable {
    public var title: String
    /// What the action will do and to what: counts, scope, blocking gates.
    public var lines: [String]
    public var fields: [DialogField]
    public var focus = 0
    /// For acknowledge-or-waive: Tab switches the target state.
    public var choices: [FindingState] = []
    public var choice = 0
    public var error: String?
    /// Builds the operation from the filled fields (reason, note) once everything validates.
    public var operation: PendingOperation

    public init(title: String, lines: [String], fields: [DialogField], operation: PendingOperation) {
        self.title = title
        self.lines = lines
        self.fields = fields
        self.operation = operation
    }

    /// `y`/`n` dialogs have no fields.
    public var isYesNo: Bool { fields.isEmpty }
}

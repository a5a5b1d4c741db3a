import CutoverCore
import CutoverTerminal

/// The confirmations, one per kind of damage: a reason for reversible holds, `y` for bulk work and audited
/// reads, and for approval a reason plus the cohort's name typed out, with the gate evidence in view.
enum Dialogs {
    static func cohortAction(_ action: CohortAction, cohort: CohortRow, glyphs: Glyphs) -> Dialog {
        let pending = PendingOperation.cohortAction(action, cohort: cohort.name, revision: cohort.revision)
        switch action {
        case .hold:
            return Dialog(
                title: "Hold \(cohort.name)",
                lines: ["Holding blocks approval until someone releases it.", "State now: \(cohort.state.rawValue)."],
                fields: [DialogField(label: "Reason", required: true)], operation: pending)
        case .release:
            return Dialog(
                title: "Release \(cohort.name)",
                lines: ["Held because: \(cohort.holdReason ?? "no reason recorded")."],
                fields: [DialogField(label: "Reason", required: true)], operation: pending)
        case .retry:
            return Dialog(
                title: "Retry \(cohort.name)",
                lines: [
                    "Writes a retry batch beside the database (keys.txt and commands.sh)",
                    "for \(cohort.failures) open missing or failed keys; their findings become retry-queued.",
                    "Press y to write it, n or Esc to cancel.",
                ], fields: [], operation: .retry(cohort: cohort.name, revision: cohort.revision))
        default:
            let gates = cohort.gates.map { "\($0.name.rawValue) \(GateGlyph.glyph($0.status, glyphs)) \($0.status.rawValue)" }
            var lines = ["Gates: " + gates.joined(separator: "  ")]
            if action == .confirmApproval, let first = cohort.pendingApprovalBy {
                lines.append("Second approval: \(first) approved first. This completes the cutover.")
            } else if cohort.twoPersonApproval {
                lines.append("First approval: a different person must confirm.")
            }
            lines.append("This cannot be undone except by a recorded rollback.")
            return Dialog(
                title: "Approve cutover of \(cohort.name)", lines: lines,
                fields: [
                    DialogField(label: "Reason", required: true),
                    DialogField(label: "Type the cohort name", required: true, mustEqual: cohort.name),
                ], operation: pending)
        }
    }

    static func triage(ids: [Int64], label: String) -> Dialog {
        var dialog = Dialog(
            title: "Acknowledge or waive",
            lines: [label, "Tab switches between acknowledge and waive; a waiver needs a note."],
            fields: [DialogField(label: "Note", required: false)], operation: .triage(ids: ids))
        dialog.choices = [.acknowledged, .waived]
        return dialog
    }

    static func acknowledgeCode(_ code: Int) -> Dialog {
        Dialog(
            title: "Acknowledge \(WarningCode.label(code)) (\(code))",
            lines: ["Acknowledges every open finding with this warning code."],
            fields: [DialogField(label: "Note", required: false)], operation: .acknowledgeCode(code: code, cohort: nil))
    }

    static func revealPHI(imageSet: String?) -> Dialog {
        Dialog(
            title: "Reveal patient identifiers",
            lines: [
                "Shows PatientID, PatientName and AccessionNumber unmasked in this session.",
                "Your name and host are recorded in the audit log. Press y to reveal, n or Esc to cancel.",
            ], fields: [], operation: .revealPHI(imageSet: imageSet))
    }
}

/// The status glyph of a gate, with its twin in the ASCII set.
enum GateGlyph {
    static func glyph(_ status: GateStatus, _ glyphs: Glyphs) -> String {
        switch status {
        case .pass: glyphs.pass
        case .hold: glyphs.hold
        case .pending: glyphs.pending
        }
    }
}

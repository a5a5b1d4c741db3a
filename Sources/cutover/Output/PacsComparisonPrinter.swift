import CutoverSources
import CutoverStore

/// What `inventory qido` prints: the PACS's totals, then how they compare with the inventory study by study.
/// Only UIDs and counts: never patient identifiers.
struct PacsComparisonPrinter {
    var comparison: PacsComparison
    var report: PacsCensus.Report
    var limited: Bool
    var shown = 20

    func print() {
        let totals = report.totals
        Swift.print(
            "\(report.source): \(grouped(totals.studies)) studies, \(grouped(totals.series)) series, "
                + "\(grouped(totals.instances)) instances" + (limited ? " (first \(grouped(totals.studies)) studies only)" : ""))
        if report.declaredMismatches > 0 {
            Swift.print(
                "  \(grouped(report.declaredMismatches)) studies list other counts than their NumberOf… attributes "
                    + "declare; the listed counts are recorded")
        }
        let inventory = comparison.inventory
        guard inventory.studies > 0 else {
            Swift.print("inventory: empty; run `cutover inventory scan` or `inventory import` to compare")
            return
        }
        Swift.print(
            "inventory: \(grouped(inventory.studies)) studies, \(grouped(inventory.series)) series, "
                + "\(grouped(inventory.instances)) instances")
        Swift.print(
            "  \(grouped(comparison.matchingStudies)) studies match, \(grouped(comparison.onlyInPacs.count)) only in the PACS, "
                + "\(grouped(comparison.onlyInInventory.count)) only in the inventory, "
                + "\(grouped(comparison.countDifferences.count)) with different counts")
        section("only in the PACS", comparison.onlyInPacs)
        section("only in the inventory", comparison.onlyInInventory)
        section("different counts (PACS / inventory)", comparison.countDifferences)
    }

    private func section(_ title: String, _ rows: [PacsStudyDifference]) {
        guard !rows.isEmpty else { return }
        Swift.print(title + ":")
        for row in rows.prefix(shown) {
            Swift.print("  \(row.studyInstanceUID)  \(counts(row.pacs, row.inventory))")
        }
        if rows.count > shown { Swift.print("  … and \(grouped(rows.count - shown)) more") }
    }

    private func counts(_ pacs: LevelCounts?, _ inventory: LevelCounts?) -> String {
        func text(_ c: LevelCounts) -> String { "\(grouped(c.series)) series, \(grouped(c.instances)) instances" }
        switch (pacs, inventory) {
        case (let p?, let i?): return "\(text(p)) / \(text(i))"
        case (let p?, nil): return text(p)
        case (nil, let i?): return text(i)
        default: return ""
        }
    }
}

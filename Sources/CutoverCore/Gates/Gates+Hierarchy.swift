extension Gates {
    /// Study hierarchy reconciliation: every inventory instance in a primary image set, nothing unexpected,
    /// one primary image set per study.
    ///
    /// Pending while jobs run, because `missing` is only derived once the covering job has finished; judging
    /// earlier would show a hold that is really progress.
    public static func hierarchy(_ evidence: CohortEvidence) -> GateResult {
        let expected = evidence.expected
        let imported = evidence.importedInPrimary
        let missing = evidence.open(.missing)
        let unexpected = evidence.open(.unexpected)
        let split = evidence.open(.splitStudy)
        let counts: [String: Int] = [
            "expectedStudies": expected.studies, "importedStudies": imported.studies,
            "expectedSeries": expected.series, "importedSeries": imported.series,
            "expectedInstances": expected.instances, "importedInstances": imported.instances,
            FindingKind.missing.rawValue: missing, FindingKind.unexpected.rawValue: unexpected,
            FindingKind.splitStudy.rawValue: split,
            "checkedAgainstMetadata": evidence.metadataChecked, "absentFromMetadata": evidence.metadataAbsent,
        ]
        func result(_ status: GateStatus, _ reasons: [String]) -> GateResult {
            GateResult(name: .hierarchy, status: status, reasons: reasons, counts: counts)
        }

        if !evidence.inventoryLoaded { return result(.pending, ["no inventory loaded for this cohort"]) }
        if evidence.jobsTotal == 0 { return result(.pending, ["no import job yet"]) }
        if evidence.jobsActive > 0 {
            let running = "\(evidence.jobsActive) of \(counted(evidence.jobsTotal, "import job")) still running"
            return result(.pending, [running])
        }

        var reasons: [String] = []
        if missing > 0 { reasons.append("\(counted(missing, "instance")) in the inventory with no result") }
        if unexpected > 0 { reasons.append("\(counted(unexpected, "unexpected result")) (key not in the inventory)") }
        if split > 0 {
            reasons.append("\(counted(split, "study", "studies")) split over more than one primary image set")
        }
        if evidence.metadataAbsent > 0 {
            reasons.append(
                "\(evidence.metadataAbsent) of \(counted(evidence.metadataChecked, "imported instance")) not listed in "
                    + "their image set's metadata (GetImageSetMetadata)")
        }
        reasons += levelGap(expected.studies, imported.studies, "study", "studies")
        reasons += levelGap(expected.series, imported.series, "series", "series")
        reasons += levelGap(expected.instances, imported.instances, "instance", "instances")
        return result(reasons.isEmpty ? .pass : .hold, reasons)
    }

    private static func levelGap(_ expected: Int, _ imported: Int, _ singular: String, _ plural: String) -> [String] {
        if imported < expected {
            return [
                "\(expected - imported) of \(expected) \(noun(expected, singular, plural)) "
                    + "not complete in a primary image set"
            ]
        }
        if imported > expected {
            return [
                "\(imported) \(noun(imported, singular, plural)) in a primary image set, "
                    + "\(expected) expected"
            ]
        }
        return []
    }
}

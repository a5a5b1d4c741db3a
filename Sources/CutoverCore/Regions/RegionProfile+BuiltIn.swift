extension RegionProfile {
    /// The ids of the profiles that ship with the program.
    public static let builtInIDs = ["au", "generic"]

    /// A profile that ships with the program, or nil for an unknown id.
    ///
    /// Consumers are a parameter because each one adds its own "tried on a representative sample" item:
    /// a decoder table says what should work, only a person looking at real images says it does.
    public static func builtIn(_ id: String, consumers: [Consumer], retentionDays: Int = 90) -> RegionProfile? {
        let closing = [retention(retentionDays)] + samples(consumers)
        switch id {
        case "au":
            return RegionProfile(
                id: "au", name: "Australia", allowedRegions: ["ap-southeast-2"],
                items: [irapScope, backupsRestore, exitTerms, mhrSharing] + closing,
                retentionDays: retentionDays)
        case "generic":
            return RegionProfile(
                id: "generic", name: "Generic", allowedRegions: nil, items: [backupsRestore, exitTerms] + closing,
                retentionDays: retentionDays)
        default:
            return nil
        }
    }

    static let irapScope = ObligationItem(
        id: "irap-scope", text: "every service used is in the current IRAP assessed scope")
    static let backupsRestore = ObligationItem(
        id: "backups-restore", text: "backups are in place and a restore was tested")
    static let exitTerms = ObligationItem(
        id: "exit-terms", text: "contract exit terms (data return and deletion) are confirmed")
    static let mhrSharing = ObligationItem(
        id: "mhr-sharing",
        text: "My Health Record report sharing is configured (from July 2026 pathology and diagnostic imaging "
            + "reports upload by default; some limb X-ray reports are visible immediately from March 2026, "
            + "others after a 5-day delay)")

    static func retention(_ days: Int) -> ObligationItem {
        ObligationItem(
            id: "retention",
            text: "original Part 10 copies stay retained for rollback until \(counted(days, "day")) after approval")
    }

    /// One item per consumer, first occurrence of a name only, so ids stay unique.
    static func samples(_ consumers: [Consumer]) -> [ObligationItem] {
        var seen: Set<String> = []
        return consumers.compactMap { consumer in
            guard seen.insert(consumer.name).inserted else { return nil }
            return ObligationItem(
                id: "sample-\(consumer.name)",
                text: "\(consumer.kind) \(consumer.name): viewing or decoding was tried on a representative "
                    + "sample of the cohort")
        }
    }
}

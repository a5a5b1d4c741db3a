import CutoverCore

/// The five departments of St Elsewhere whose archives move, each with its own modality flavour.
struct CohortProfile: Sendable {
    let name: String
    /// First letters of accession numbers, so a folder name tells which department it came from.
    let accessionCode: String
    /// Share of the archive's instances.
    let share: Double
    let years: ClosedRange<Int>
    /// Files per batch at `.demo` scale (before the 5,000-file and 10 GB limits).
    let demoBatchFiles: ClosedRange<Int>
    let recipe: StudyRecipe
    /// A curated, validated archive: no content defects, no server errors, no special story, so the
    /// dashboard shows one cohort that can reach `ready`.
    var isClean = false

    var inputPrefix: String { "input/\(name)/" }

    static let emergency = 0
    static let cardiology = 1
    static let mammography = 2
    static let oncology = 3
    static let research = 4

    static let all: [CohortProfile] = [
        CohortProfile(
            name: "ed-2019", accessionCode: "ED", share: 0.27, years: 2019...2019, demoBatchFiles: 30...500,
            recipe: .emergency),
        CohortProfile(
            name: "cardiology", accessionCode: "CA", share: 0.25, years: 2016...2023, demoBatchFiles: 60...700,
            recipe: .cardiology),
        CohortProfile(
            name: "mammography", accessionCode: "MG", share: 0.15, years: 2018...2024, demoBatchFiles: 30...500,
            recipe: .mammography),
        CohortProfile(
            name: "oncology-pet", accessionCode: "ON", share: 0.29, years: 2020...2024, demoBatchFiles: 300...2_400,
            recipe: .oncology),
        CohortProfile(
            name: "research-2024", accessionCode: "RS", share: 0.04, years: 2024...2024, demoBatchFiles: 200...1_500,
            recipe: .research, isClean: true),
    ]

    /// Days since 1970 of 1 January of `year`.
    static func firstDay(ofYear year: Int) -> Int {
        Int(EpochTime.parse(iso8601: "\(year)-01-01T00:00:00Z") ?? 0) / 86_400
    }
}

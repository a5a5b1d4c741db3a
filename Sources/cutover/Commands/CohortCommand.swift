import ArgumentParser
import CutoverStore
import Foundation

struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Define cohorts (the studies that cut over together) and see how far each got.",
        subcommands: [CohortListCommand.self, CohortShowCommand.self, CohortDefineCommand.self])
}

struct CohortDefineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "define", abstract: "Define a cohort by an input-key prefix or a list of StudyInstanceUIDs.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The cohort's name.")
    var name: String

    @Option(help: "A file of StudyInstanceUIDs, one per line.")
    var studies: String?

    @Option(help: "An input-key prefix, e.g. input/ed-2019/.")
    var prefix: String?

    func validate() throws {
        if (studies == nil) == (prefix == nil) { throw ValidationError("give exactly one of --studies or --prefix") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the cohort needs a name") }
    }

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            let definition: CohortDefinition
            if let prefix {
                definition = .prefix(prefix)
            } else {
                definition = .studies(try readStudyList(studies!))
            }
            let assigned = try database.defineCohort(name: name, definition)
            try database.refreshCohortDigests()
            print("cohort \(name) defined; \(grouped(assigned)) inventory instances assigned to it")
        }
    }

    /// One UID a line; blank lines and `#` comments skipped; anything else that is not a UID is an error
    /// naming its line.
    private func readStudyList(_ path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("cannot read \(path)")
        }
        var uids: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.count <= 64, line.allSatisfy({ $0.isNumber || $0 == "." }) else {
                throw CLIError("\(path):\(index + 1): not a StudyInstanceUID (digits and dots, at most 64)")
            }
            uids.append(line)
        }
        return uids
    }
}

struct CohortListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every cohort with its counts.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase(readOnly: true)
            let cohorts = try database.cohortSummaries()
            if cohorts.isEmpty {
                print("no cohorts yet: define one with `cutover cohort define`, or import an inventory with a cohort column")
                return
            }
            print("cohort".padding(toLength: 16, withPad: " ", startingAt: 0) + "studies".leftPadded(12) + "series".leftPadded(12)
                + "instances".leftPadded(16) + "  jobs")
            for c in cohorts {
                print(
                    c.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + fraction(c.imported.studies, c.expected.studies, width: 12)
                        + fraction(c.imported.series, c.expected.series, width: 12)
                        + fraction(c.imported.instances, c.expected.instances, width: 16)
                        + "  " + CohortPrinter.jobsBrief(c.jobs))
            }
        }
    }

    private func fraction(_ a: Int64, _ b: Int64, width: Int) -> String {
        "\(grouped(a))/\(grouped(b))".leftPadded(width)
    }
}

struct CohortShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One cohort in detail.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The cohort's name.")
    var name: String

    @Flag(help: "List every study with its series and instances, least complete first.")
    var studies = false

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase(readOnly: true)
            guard let c = try database.cohortSummary(named: name) else {
                throw CLIError("no cohort named \(name); `cutover cohort list` shows them")
            }
            print(CohortPrinter.detail(c))
            let open = try database.openFindingCounts()[name] ?? [:]
            print("  findings     " + (open.isEmpty ? "none open" : open.sorted { $0.key < $1.key }
                .map { "\($0.key) \(grouped($0.value))" }.joined(separator: " · ")))
            if studies {
                print("")
                print("  study".padding(toLength: 68, withPad: " ", startingAt: 0) + "series".leftPadded(12)
                    + "instances".leftPadded(16))
                for s in try database.studyProgress(cohort: name) {
                    print("  " + s.studyInstanceUID.padding(toLength: 66, withPad: " ", startingAt: 0)
                        + "\(s.imported.series)/\(s.expected.series)".leftPadded(12)
                        + "\(grouped(s.imported.instances))/\(grouped(s.expected.instances))".leftPadded(16))
                }
            }
        }
    }
}

enum CohortPrinter {
    /// Total jobs, then those not completed: "106 (1 failed)", to fit 80 columns.
    static func jobsBrief(_ jobs: [String: Int64]) -> String {
        let total = jobs.values.reduce(0, +)
        let others = jobs.filter { $0.key != "COMPLETED" }.sorted { $0.key < $1.key }
            .map { "\($0.value) \($0.key.lowercased().replacingOccurrences(of: "_", with: " "))" }
        return grouped(total) + (others.isEmpty ? "" : " (\(others.joined(separator: ", ")))")
    }

    static func jobs(_ jobs: [String: Int64]) -> String {
        jobs.isEmpty ? "none yet" : jobs.sorted { $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: " · ")
    }

    static func detail(_ c: CohortSummary) -> String {
        var lines = ["cohort \(c.name)"]
        lines.append("  defined by   \(c.definedBy)" + (c.prefix.map { " (prefix \($0))" } ?? ""))
        if let profile = c.regionProfile { lines.append("  region       \(profile)") }
        lines.append("  jobs         \(jobs(c.jobs))")
        lines.append("               expected    imported")
        for (label, e, i) in [
            ("studies", c.expected.studies, c.imported.studies), ("series", c.expected.series, c.imported.series),
            ("instances", c.expected.instances, c.imported.instances),
        ] {
            lines.append("  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + grouped(e).leftPadded(11) + grouped(i).leftPadded(12))
        }
        return lines.joined(separator: "\n")
    }
}

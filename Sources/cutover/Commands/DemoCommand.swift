import ArgumentParser
import CutoverCore
import CutoverDemo
import CutoverFormats
import CutoverSources
import CutoverStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a realistic migration into a folder, ingest it, and show it.",
        discussion: """
            Writes job output folders, ListDICOMImportJobs responses, events in every layout, a source
            inventory and a cutover.toml into DIR, all deterministic from the seed. With --speed the migration
            is replayed over time (jobs submit, run and finish; files grow) and polled as it goes.
            On a terminal the dashboard opens on the replaying migration (about four minutes end to end unless
            --speed says otherwise); --no-tui, or output that is not a terminal, prints `cutover status` instead.
            """)

    @Option(help: "Folder to write the demo into (made fresh each run).")
    var dir = "cutover-demo"

    @Option(help: "Seed for the generator: the same seed writes the same files.")
    var seed: UInt64 = 42

    @Option(help: "Replay the migration over time, this many simulated seconds per real second.")
    var speed: Double?

    @Flag(name: .customLong("no-tui"), help: "Print status instead of opening the dashboard.")
    var noTUI = false

    @Option(help: "Generate about this many result lines in ~5,000-file jobs (benchmarks) instead of the demo mix.")
    var scale: Int?

    @Flag(help: "Only write the files; do not ingest.")
    var generateOnly = false

    @OptionGroup var look: LookOptions
    @OptionGroup var link: LinkOptions

    static let marker = ".cutover-demo"

    func run() throws {
        try reportingErrors {
            if let speed, speed <= 0 { throw ValidationError("--speed must be a positive number") }
            if let scale, scale <= 0 { throw ValidationError("--scale must be a positive number") }
            try prepareFolder()
            let dashboard = !noTUI && !generateOnly && isatty(0) == 1 && isatty(1) == 1
            let start = speed == nil && !dashboard ? DemoOptions().startEpoch : Date().timeIntervalSince1970
            let options = DemoOptions(seed: seed, scale: scale.map { .bench(resultLines: $0) } ?? .demo, startEpoch: start)
            let plan = DemoPlanner.plan(options)
            let writer = DemoWriter(plan: plan, directory: URL(fileURLWithPath: dir))
            try writer.writeStatic()
            if dashboard {
                try openDashboard(writer: writer, plan: plan)
                return
            }
            if generateOnly || speed == nil {
                let progress = try writer.advance(to: plan.endEpoch)
                print(
                    "wrote \(grouped(progress.jobsSubmitted)) jobs, \(grouped(progress.resultLinesWritten)) result lines "
                        + "and \(grouped(progress.eventsWritten)) events to \(dir)/")
                if generateOnly { return }
            }
            let config = try CutoverConfig.load(path: dir + "/cutover.toml")
            let database = try CutoverDatabase(path: dir + "/cutover.sqlite")
            let poll = ConfiguredPoll(config: config, database: database)
            if let speed {
                try replay(writer: writer, plan: plan, speed: speed, poll: poll)
            } else {
                PollSummary(report: try poll.run(now: { Date().timeIntervalSince1970 })).print()
            }
            print("")
            print(
                StatusPrinter.text(
                    try database.status(), cohorts: try database.cohortSummaries(),
                    findings: try database.openFindingCounts(), migration: config.migrationName,
                    database: database.path, now: Date().timeIntervalSince1970))
            print("")
            print("Next: cutover status --db \(dir)/cutover.sqlite --json")
        }
    }

    /// The live demo: the migration is written over time on a background thread while the dashboard's own
    /// poller ingests it, as a real deployment would.
    private func openDashboard(writer: DemoWriter, plan: DemoPlan) throws {
        let config = try CutoverConfig.load(path: dir + "/cutover.toml")
        let database = try CutoverDatabase(path: dir + "/cutover.sqlite")
        let replay = DemoReplay(writer: writer, plan: plan, speed: speed ?? (plan.endEpoch - plan.startEpoch) / 240)
        replay.start()
        defer { replay.stop() }
        let status = try DashboardLauncher.run(
            database: database, config: config,
            settings: .init(
                mode: .interactive, runPoller: true, look: look, actor: ActorOptions.current(), slowLink: link.slowLink))
        if let error = replay.error { printError("cutover: the demo replay stopped: \(error)") }
        if status != 0 { throw ExitCode(status) }
    }

    /// Advances simulated time with the wall clock and polls as a real deployment would.
    private func replay(writer: DemoWriter, plan: DemoPlan, speed: Double, poll: ConfiguredPoll) throws {
        let realStart = Date().timeIntervalSince1970
        let tick = 2.0
        while true {
            let t = plan.startEpoch + (Date().timeIntervalSince1970 - realStart) * speed
            let progress = try writer.advance(to: min(t, plan.endEpoch))
            let report = try poll.run(now: { Date().timeIntervalSince1970 }).ingest
            let results = report.stats.results.reduce(0, +)
            print(
                "[\(EpochTime.format(min(t, plan.endEpoch)))] jobs: \(progress.jobsSubmitted) submitted, "
                    + "\(progress.jobsRunning) running, \(progress.jobsFinished) finished; +\(grouped(results)) results, "
                    + "+\(report.stats.eventsAdded) events")
            if progress.finished { return }
            Thread.sleep(forTimeInterval: tick)
        }
    }

    /// The demo folder is made fresh; a non-empty folder that is not an earlier demo is left alone.
    private func prepareFolder() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(dir) exists and is not a folder") }
            let contents = try fm.contentsOfDirectory(atPath: dir)
            if !contents.isEmpty {
                guard contents.contains(Self.marker) else {
                    throw CLIError("\(dir) is not empty and was not made by `cutover demo`; choose another --dir")
                }
                try fm.removeItem(atPath: dir)
            }
        }
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard fm.createFile(atPath: dir + "/" + Self.marker, contents: Data("made by cutover demo\n".utf8)) else {
            throw CLIError("cannot write in \(dir)")
        }
    }
}

import Foundation
import ArgumentParser

@main
struct Cutover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cutover",
        abstract: "Watch a DICOM migration into AWS HealthImaging and decide, cohort by cohort, when to cut over.",
        discussion: """
            `cutover` alone opens the dashboard. Start with `cutover demo` for a self-contained migration, or
            point `cutover.toml` at your job output folders and run `cutover poll` (the dashboard polls too).
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, IngestCommand.self, PollCommand.self, StatusCommand.self, InventoryCommand.self,
            CohortCommand.self, FindingsCommand.self, AckCommand.self, WaiveCommand.self, AttestCommand.self,
            AuditCommand.self, GatesCommand.self, HoldCommand.self, ReleaseCommand.self, ApproveCommand.self,
            RollbackCommand.self, RetryCommand.self, ReportCommand.self, DashboardCommand.self, SnapshotCommand.self,
            WallboardCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Usage errors exit with 2 (product §6) rather than ArgumentParser's 64; everything else as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

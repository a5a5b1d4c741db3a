import ArgumentParser
import CutoverSources
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct InventoryScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read the DICOM headers of every file below DIR into the inventory (pixel data is never read).",
        discussion: """
            Each instance is recorded under the input key AHI will report: --key-prefix plus the path relative
            to DIR. Files that are not DICOM are listed as unreadable; the scan goes on. Unchanged files are
            not read again on a re-scan.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The folder of Part 10 files.")
    var dir: String

    @Option(name: .customLong("key-prefix"), help: "Prefix of the S3 keys the files were uploaded under.")
    var keyPrefix = ""

    @Option(help: "Put every instance in this cohort.")
    var cohort: String?

    @Option(name: .customLong("cohort-depth"), help: "Name each instance's cohort after the first N folders of its path.")
    var cohortDepth: Int?

    func validate() throws {
        if cohort != nil && cohortDepth != nil { throw ValidationError("use either --cohort or --cohort-depth") }
        if let cohortDepth, cohortDepth < 1 { throw ValidationError("--cohort-depth must be 1 or more") }
    }

    func run() throws {
        try reportingErrors {
            let (database, _) = try store.openDatabase()
            let bar = ProgressBar(label: "scanning")
            let report = try DicomFolderScanner(database: database).scan(
                root: dir, options: .init(keyPrefix: keyPrefix, cohort: cohort, cohortDepth: cohortDepth),
                progress: bar.update)
            bar.finish()
            try database.refreshCohortDigests()
            print(
                "scanned \(grouped(report.files)) files (\(grouped(report.unchanged)) unchanged): "
                    + "\(grouped(report.instances)) instances recorded, \(grouped(report.unreadable.count)) unreadable")
            for (syntax, count) in report.transferSyntaxes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                print("  \(grouped(count).leftPadded(9))  \(syntax)  \(TransferSyntaxName.of(syntax))")
            }
            for entry in report.unreadable.prefix(20) {
                printError("\(entry.path): \(entry.reason); not recorded")
            }
            if report.unreadable.count > 20 { printError("… and \(report.unreadable.count - 20) more unreadable files") }
        }
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    let label: String
    let unit: String
    let enabled = isatty(2) == 1
    private var last = 0.0

    init(label: String, unit: String = "files") {
        self.label = label
        self.unit = unit
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date().timeIntervalSince1970
        guard done == total || now - last > 0.1 else { return }
        last = now
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(grouped(done))/\(grouped(total)) \(unit)".utf8))
    }

    func finish() {
        if enabled && last > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

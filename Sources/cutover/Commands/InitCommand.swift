import ArgumentParser
import CutoverFormats
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented cutover.toml to start from.")

    @Argument(help: "The folder to write it in (default: here).")
    var dir = "."

    func run() throws {
        try reportingErrors {
            let path = (dir as NSString).appendingPathComponent("cutover.toml")
            if FileManager.default.fileExists(atPath: path) {
                throw CLIError("\(path) already exists; it was left as it is")
            }
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: Data(ConfigTemplate.text.utf8)) else {
                throw CLIError("cannot write \(path)")
            }
            print("wrote \(path); edit the data store, sources, consumers and cohorts, then run `cutover poll`")
        }
    }
}

import ArgumentParser
import CutoverFormats
import CutoverSources
import CutoverStore

import Foundation

/// A failure the user can act on, said once in one sentence.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body and turns expected failures into one line on stderr and exit status 1
/// (product §6: never a stack trace).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        printError("cutover: \(errorSentence(error))")
        throw ExitCode.failure
    }
}

/// The one sentence an expected failure is said in.
func errorSentence(_ error: any Error) -> String {
    switch error {
    case let e as CLIError: e.description
    case let e as StoreError: e.description
    case let e as ConfigError: e.description
    case let e as FileReadError: e.description
    case let e as DecisionError: e.description
    case let e as CocoaError: fileSystemSentence(e)
    case let e as TriageError: e.description
    case let e as CustomStringConvertible & Error where !(e is LocalizedError): e.description
    case let e as LocalizedError: e.errorDescription ?? "\(e)"
    case let e as CohortActionError: e.description
    default: "\(error)"
    }
}

/// Foundation's file errors as "PATH: reason", with the system's reason when there is one.
func fileSystemSentence(_ error: CocoaError) -> String {
    let path = error.filePath ?? error.url?.path ?? "a file"
    if let posix = error.underlying as? POSIXError {
        return "\(path): \(String(cString: strerror(posix.code.rawValue)).lowercased())"
    }
    if let underlying = error.underlying as NSError?, underlying.domain == NSPOSIXErrorDomain {
        return "\(path): \(String(cString: strerror(Int32(underlying.code))).lowercased())"
    }
    return "\(path): cannot be read or written"
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

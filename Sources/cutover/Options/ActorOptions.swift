import ArgumentParser
import CutoverStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `--actor`, else `CUTOVER_ACTOR`, else the login name; with the host and the SSH client address (product §5).
struct ActorOptions: ParsableArguments {
    @Option(help: "Who is acting (default: CUTOVER_ACTOR, then the login name).")
    var actor: String?

    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> Actor {
        Self.current(named: actor, environment: environment)
    }

    /// The person at the keyboard, for commands without `--actor`.
    static func current(named actor: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Actor
    {
        let login = getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) }
        let name = actor ?? environment["CUTOVER_ACTOR"] ?? environment["USER"] ?? environment["LOGNAME"] ?? login
            ?? "unknown"
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        // SSH_CONNECTION is "client-address client-port server-address server-port".
        let client = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
        return Actor(name: name, host: host, sshClient: client)
    }
}

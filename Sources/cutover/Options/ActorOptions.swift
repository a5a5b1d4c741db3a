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
        let name = actor ?? environment["CUTOVER_ACTOR"] ?? environment["USER"] ?? environment["LOGNAME"]
            ?? String(cString: getpwuid(getuid())?.pointee.pw_name ?? strdup("unknown"))
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : nil
        // SSH_CONNECTION is "client-address client-port server-address server-port".
        let client = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
        return Actor(name: name, host: host, sshClient: client)
    }
}

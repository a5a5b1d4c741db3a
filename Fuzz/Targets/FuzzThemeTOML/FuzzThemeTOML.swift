import CutoverFormats
import CutoverTerminal
import FuzzSupport

private let baseNames = Set(Theme.builtInNames)

/// A theme file as `ThemeLoader.load(path:)` reads it: parsed against the dashboard's real role and built-in
/// theme names, then laid over its base theme.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThemeTOML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput(data, size).utf8Text else { return 0 }
    guard let file = try? ThemeFile.parse(text, path: "theme.toml", roleNames: Theme.roleNames, baseNames: baseNames)
    else { return 0 }
    let base = file.base.flatMap { Theme.builtIn(named: $0) } ?? .default
    _ = base.overridden(by: file, name: file.name ?? "theme")
    return 0
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cutover",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cutover", targets: ["cutover"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // System libraries: a module map and a small shim header each.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Layers, lowest first. Dependencies point down only.
        .target(name: "CutoverCore"),
        .target(
            name: "CutoverFormats",
            dependencies: ["CutoverCore", "CZlib", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "CutoverStore",
            dependencies: [
                "CutoverCore", "CutoverFormats",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CutoverCloud",
            dependencies: ["CutoverCore", "CutoverFormats", "CCurl", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "CutoverSources",
            dependencies: [
                "CutoverCore", "CutoverFormats", "CutoverStore", "CutoverCloud",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "CutoverTerminal", dependencies: ["CutoverFormats", "CNcursesw"]),
        .target(
            name: "CutoverDashboard",
            dependencies: ["CutoverCore", "CutoverFormats", "CutoverStore", "CutoverSources", "CutoverTerminal"]),
        .target(name: "CutoverDemo", dependencies: ["CutoverCore"]),
        .executableTarget(
            name: "cutover",
            dependencies: [
                "CutoverCore", "CutoverFormats", "CutoverStore", "CutoverCloud", "CutoverSources", "CutoverDemo",
                "CutoverTerminal", "CutoverDashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        .testTarget(name: "CutoverCoreTests", dependencies: ["CutoverCore"]),
        .testTarget(
            name: "CutoverFormatsTests", dependencies: ["CutoverFormats", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CutoverStoreTests", dependencies: ["CutoverStore", "CutoverFormats"]),
        .testTarget(name: "CutoverSourcesTests", dependencies: ["CutoverSources", "CutoverStore", "CutoverDemo"]),
        .testTarget(name: "CutoverCloudTests", dependencies: ["CutoverCloud", "CutoverFormats", "CCurl"]),
        .testTarget(name: "CutoverTerminalTests", dependencies: ["CutoverTerminal", "CutoverFormats"]),
        .testTarget(
            name: "CutoverDashboardTests",
            dependencies: ["CutoverDashboard", "CutoverTerminal", "CutoverStore", "CutoverCore"],
            exclude: ["Snapshots"]),
        .testTarget(name: "CutoverDemoTests", dependencies: ["CutoverDemo", "CutoverFormats"]),
    ]
)

// `make fuzz` sets CUTOVER_FUZZ=1 and builds into its own scratch path: one libFuzzer executable per parser,
// each linking the parser's module built with the fuzzer and address sanitizers. Without the variable the
// package graph is exactly the one above.
if Context.environment["CUTOVER_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzResultLines", ["CutoverFormats", "CutoverCore"]),
        ("FuzzEvents", ["CutoverFormats", "CutoverCore"]),
        ("FuzzManifest", ["CutoverFormats", "CutoverCore"]),
        ("FuzzDicomHeader", ["CutoverFormats"]),
        ("FuzzInventory", ["CutoverFormats"]),
        ("FuzzConfigTOML", ["CutoverFormats"]),
        ("FuzzThemeTOML", ["CutoverFormats", "CutoverTerminal"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/Support"))
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"],
                path: "Fuzz/Targets/\(target.name)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}

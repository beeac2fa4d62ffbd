// swift-tools-version: 6.0
import PackageDescription

// Targets, from the edge inwards:
//   lifecycle          – the thin executable (`main` only)
//   LifecycleCLI       – argument parsing and subcommands (swift-argument-parser)
//   LifecycleTerminal  – the only code that talks to ncurses (via CNcursesw)
//   LifecycleTUI       – pure state, update and render into a screen grid
//   LifecycleCore      – catalog, assessment model, JSON, persistence; no terminal code
//   LifecycleContent   – content/ and assets/ embedded at build time, so the binary
//                        works from any directory and after being copied elsewhere
let package = Package(
    name: "LifecycleExplorer",
    products: [
        .executable(name: "lifecycle", targets: ["lifecycle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // No pkgConfig: Debian's ncursesw.pc adds -D flags SwiftPM rejects with a warning on
        // every build; the headers are in the default include path and the shim defines
        // what it needs (see shim.h). libncurses-dev provides them.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw"
        ),
        .target(
            name: "CTerminalSupport",
            path: "Sources/CTerminalSupport"
        ),
        .executableTarget(
            name: "EmbedResources",
            path: "Sources/EmbedResources"
        ),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResources"],
            path: "Sources/EmbedResourcesPlugin"
        ),
        .target(
            name: "LifecycleContent",
            path: "Sources/LifecycleContent",
            plugins: ["EmbedResourcesPlugin"]
        ),
        .target(
            name: "LifecycleCore",
            dependencies: ["LifecycleContent"],
            path: "Sources/LifecycleCore"
        ),
        .target(
            name: "LifecycleTUI",
            dependencies: ["LifecycleCore"],
            path: "Sources/LifecycleTUI"
        ),
        .target(
            name: "LifecycleTerminal",
            dependencies: ["LifecycleTUI", "LifecycleCore", "CNcursesw", "CTerminalSupport"],
            path: "Sources/LifecycleTerminal"
        ),
        .target(
            name: "LifecycleCLI",
            dependencies: [
                "LifecycleCore",
                "LifecycleTUI",
                "LifecycleTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/LifecycleCLI"
        ),
        // Shared by the tests and the benchmark helper's release-build soak run.
        .target(
            name: "LifecycleTestSupport",
            dependencies: ["LifecycleCore", "LifecycleTUI", "LifecycleContent"],
            path: "Sources/LifecycleTestSupport"
        ),
        .executableTarget(
            name: "lifecycle",
            dependencies: ["LifecycleCLI"],
            path: "Sources/lifecycle"
        ),
        .executableTarget(
            name: "lifecycle-bench",
            dependencies: [
                "LifecycleCore",
                "LifecycleTUI",
                "LifecycleTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/lifecycle-bench",
            exclude: ["run.sh", "pty_timing.py"]
        ),
        .testTarget(
            name: "LifecycleCoreTests",
            dependencies: ["LifecycleCore", "LifecycleTestSupport"],
            path: "Tests/LifecycleCoreTests",
            // Read by path: the test lenses (written for these tests, not copied from anyone).
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LifecycleTUITests",
            dependencies: ["LifecycleTUI", "LifecycleCore", "LifecycleTestSupport"],
            path: "Tests/LifecycleTUITests",
            // Read by path: a frozen catalog and the golden screens (see ScreenSnapshotTests).
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "LifecycleEndToEndTests",
            dependencies: ["lifecycle", "LifecycleCore", "LifecycleTestSupport"],
            path: "Tests/LifecycleEndToEndTests"
        ),
    ]
)

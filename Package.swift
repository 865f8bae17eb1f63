// swift-tools-version:6.1
import PackageDescription

// Strict from the start: `any` spelled out, members visible only from modules a file imports,
// and imports internal unless a declaration's signature needs them (`package import`).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "annual-review",
    // Linux only: see the check at the end of this file. No Apple platform is listed.
    products: [
        .executable(name: "annual-review", targets: ["annual-review"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries, through the system's -dev packages (scripts/install-deps installs them).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibcsv", path: "Sources/CLibcsv", providers: [.apt(["libcsv-dev"])]),

        // Values that cross stage boundaries. No I/O.
        .target(name: "PipelineModel", swiftSettings: strict),

        // CSV files: bytes as stored (plain or gzip, hashed), physical lines, libcsv behind one type, small tables.
        .target(name: "CSV", dependencies: [
            "PipelineModel", "CZlib", "CLibcsv",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // The stages: each depends on the model only (Ingestion also on CSV, the files it reads).
        .target(name: "Ingestion", dependencies: ["PipelineModel", "CSV"], swiftSettings: strict),
        .target(name: "Cleaning", dependencies: ["PipelineModel"], swiftSettings: strict),
        .target(name: "Classification", dependencies: ["PipelineModel"], swiftSettings: strict),
        .target(name: "Aggregation", dependencies: ["PipelineModel", .product(name: "BigInt", package: "BigInt")], swiftSettings: strict),
        // Linux file-system calls Swift cannot import directly (renameat2's RENAME_EXCHANGE).
        .target(name: "CFileSystem", path: "Sources/CFileSystem"),
        // The running program's build ID, from its loaded ELF headers (dl_iterate_phdr, which
        // Swift's Glibc module does not import).
        .target(name: "CProgramImage", path: "Sources/CProgramImage"),
        .target(name: "Output", dependencies: [
            "PipelineModel", "CFileSystem",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // Rendering: what the publishing team reads beyond the tables: letters, the HTML report, the data
        // package and the map's JSON, rendered from the figures through templates in pipelines/.
        .target(name: "Rendering", dependencies: [
            "PipelineModel",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // Running unattended: JSON log lines, the Prometheus textfile, the terminal progress line.
        .target(name: "Operations", dependencies: [
            "PipelineModel",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // Configuration files (register, rule tables, pipeline definitions) -> validated values.
        .target(name: "PipelineConfig", dependencies: [
            "PipelineModel", "CSV",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),

        // Wires the stages together: task group, bounded channels, cancellation.
        .target(name: "PipelineRunner", dependencies: [
            "PipelineModel", "Ingestion", "Cleaning", "Classification", "Aggregation", "Output",
            "PipelineConfig", "Rendering", "Operations", "CProgramImage",
            .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // The once-a-year drafts of a publication's letters: Word documents through pandoc with the
        // office's reference document, PDFs through LibreOffice (`annual-review letters`). Apart
        // from the run: it reads a publication back and runs external programs.
        .target(name: "LetterDrafts", dependencies: [
            "PipelineModel", "Output", "PipelineConfig", "Rendering",
        ], swiftSettings: strict),

        // Arguments, logging, exit codes. Nothing else (CSV and Output for the errors it maps to
        // exit codes).
        .executableTarget(name: "annual-review", dependencies: [
            "PipelineRunner", "PipelineConfig", "PipelineModel", "Operations", "CSV", "Output", "LetterDrafts",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // What the test targets share: fixtures, the temporary folder, the process runner, the
        // shared folder's locator.
        .target(name: "TestSupport", dependencies: [
            "PipelineModel", "Aggregation", "Rendering", "Output", "CZlib", .product(name: "Crypto", package: "swift-crypto"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "PipelineModelTests", dependencies: ["PipelineModel", "TestSupport"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "TestSupport"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "CSV", "PipelineModel", "TestSupport"]),
        .testTarget(name: "CleaningTests", dependencies: ["Cleaning", "PipelineModel", "TestSupport"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "PipelineModel", "PipelineConfig", "TestSupport"]),
        .testTarget(name: "AggregationTests", dependencies: ["Aggregation", "PipelineModel", "TestSupport"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "PipelineModel", "TestSupport", "CFileSystem"]),
        // swift-mustache renders the letters here too: the compiled renderer must give its bytes.
        .testTarget(name: "RenderingTests", dependencies: [
            "Rendering", "PipelineModel", "TestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["Golden"]),
        .testTarget(name: "LetterDraftsTests", dependencies: [
            "LetterDrafts", "Output", "Rendering", "PipelineModel", "TestSupport",
        ]),
        .testTarget(name: "PipelineRunnerTests", dependencies: [
            "PipelineRunner", "Output", "Rendering", "PipelineModel", "TestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "PipelineModel", "TestSupport"]),
        .testTarget(name: "PipelineConfigTests", dependencies: ["PipelineConfig", "PipelineModel", "TestSupport"]),
        // Depends on the executable too, so that `swift test` builds the binary it drives.
        .testTarget(name: "EndToEndTests", dependencies: [
            "annual-review", "PipelineRunner", "PipelineConfig", "PipelineModel", "Output", "Operations", "TestSupport",
        ]),
        // Outputs checked with real tools that the tests install when missing (Chromium, the Nu HTML
        // checker, frictionless and jsonschema from PyPI, promtool, systemd-analyze): scripts/test
        // runs them after every other target has passed or failed.
        .testTarget(name: "IntegrationTests", dependencies: [
            "annual-review", "Rendering", "Operations", "PipelineModel", "LetterDrafts", "TestSupport",
        ]),
    ]
)

// The platform is Linux (Debian or Ubuntu): the publication relies on renameat2(RENAME_EXCHANGE),
// the installation on /proc/self/exe, the example unit on systemd.
#if !os(Linux)
#error("annual-review builds and runs on Linux only (renameat2, /proc/self/exe, systemd)")
#endif

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "locctl",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "locctl", targets: ["locctl"]),
        .library(name: "Subtitles", targets: ["Subtitles"]),
        .library(name: "Regions", targets: ["Regions"]),
        .library(name: "Localize", targets: ["Localize"]),
        .library(name: "SymbolDB", targets: ["SymbolDB"]),
        .library(name: "Annotate", targets: ["Annotate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // C interop: ICU wrappers (plain C types only in the public headers; see NOTES-interop).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // libxml2 through a shim that hides its ICU include.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // OpenCC phrase-level Simplified/Traditional conversion.
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),

        // Swift faces of the C libraries: ICU text services, safe XML, OpenCC.
        .target(name: "TextServices", dependencies: ["CICU", "CLibXML2", "COpenCC"]),
        // Cultural symbol database: YAML sources, lint, SQLite store, matcher, TBX/CSV exchange.
        .target(name: "SymbolDB", dependencies: [
            "TextServices",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The canonical Track model, its codecs (SRT, WebVTT, TTML, ASS), text encodings, atomic files, episode naming.
        .target(name: "Subtitles", dependencies: ["TextServices"]),
        // Audience profiles (limits, reading speed, annotation policy in the glossary's vocabulary), the limit check.
        .target(name: "Regions", dependencies: [
            "Subtitles", "SymbolDB", "TextServices",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Localization steps (glossary, script, wrapping, timing, bidi) and the pipeline that runs them.
        .target(name: "Localize", dependencies: ["Subtitles", "Regions", "SymbolDB", "TextServices"]),
        // Symbol detection, annotation planning and sidecar emitters.
        .target(name: "Annotate", dependencies: ["Subtitles", "Regions", "Localize", "SymbolDB", "TextServices"], exclude: ["README.md"]),
        // Glossary and subtitle QC audits and their reports.
        .target(name: "Audit", dependencies: ["Subtitles", "Regions", "Localize", "SymbolDB", "Annotate", "TextServices",
                                             .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "locctl", dependencies: [
            "Subtitles", "Regions", "Localize", "SymbolDB", "Annotate", "Audit", "TextServices",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // In-process benchmarks (run by scripts/bench.sh next to the Python peers).
        .executableTarget(name: "locctl-bench", dependencies: ["Subtitles", "Regions", "Localize", "SymbolDB", "Annotate", "Audit", "TextServices"]),

        // Fuzzing: the targets (a library, so tests can replay crash inputs) and the libFuzzer executable.
        .target(name: "FuzzTargets", dependencies: ["Subtitles", "Regions", "SymbolDB", "TextServices"]),
        .executableTarget(name: "locctl-fuzz", dependencies: ["FuzzTargets"]),

        // Shared test helpers: the CLI runner, corpus and repository paths, schema validation.
        .target(name: "TestSupport", dependencies: ["Subtitles", "TextServices"], path: "Tests/TestSupport"),
        .testTarget(name: "TextServicesTests", dependencies: ["TextServices"]),
        .testTarget(name: "AnnotateTests", dependencies: ["Annotate", "Subtitles", "Regions", "Localize", "SymbolDB", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SymbolDBTests", dependencies: ["SymbolDB", "TextServices", "TestSupport", "locctl-bench"], exclude: ["Fixtures"]),
        .testTarget(name: "SubtitlesTests", dependencies: [
            "Subtitles", "TextServices", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "LocalizeTests", dependencies: [
            "Subtitles", "Regions", "Localize", "TextServices", "SymbolDB", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "LocCtlTests", dependencies: ["locctl", "Subtitles", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Annotate", "Subtitles", "Regions", "Localize", "SymbolDB", "TestSupport"], exclude: ["Fixtures"]),
        // Hostile inputs, fuzz regressions, interruption and concurrency (run under the sanitizers too).
        .testTarget(name: "ReliabilityTests", dependencies: [
            "locctl", "FuzzTargets", "Subtitles", "Regions", "Localize", "SymbolDB", "TextServices", "TestSupport",
        ], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)

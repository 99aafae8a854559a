// swift-tools-version: 6.0
import PackageDescription

/// The libraries a statically linked release of `mus-coach` needs (see its linker settings).
let staticLibraries = [
    "swiftCore", "swift_Concurrency", "swift_StringProcessing", "swift_RegexParser", "swiftSynchronization",
    "swiftGlibc", "swiftDispatch", "Foundation", "FoundationEssentials",
    "FoundationInternationalization", "_FoundationCShims", "_FoundationCollections", "_FoundationICU", "CoreFoundation",
    "dispatch", "BlocksRuntime", "readline", "hunspell-1.7", "stdc++", "m", "dl", "pthread", "util",
]

let package = Package(
    name: "mus-coach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mus-coach", targets: ["mus-coach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        /// Text analysis shared by conditions and (later) the summariser: tokens, stems, answer-quality cues.
        .target(name: "CoachText"),
        /// The script model, YAML loading with source positions, conditions and validation.
        .target(name: "CoachScript", dependencies: ["CoachText", .product(name: "Yams", package: "Yams")]),
        /// The pure conversation state machine and the transcript.
        .target(name: "CoachEngine", dependencies: ["CoachScript", "CoachText"]),
        /// Golden dialogue tests written in the dialogue's own terms, and the measures of the coaching: labelled answers, personas.
        .target(name: "CoachPlan", dependencies: ["CoachEngine", "CoachScript", "CoachSummary", "CoachText", .product(name: "Yams", package: "Yams")]),
        /// The brief: talking points and the case for each development wish, with the answers behind every point.
        .target(name: "CoachSummary", dependencies: ["CoachEngine", "CoachScript", "CoachText"]),
        /// Session files: private, atomically replaced, locked against a second process.
        .target(name: "CoachStore", dependencies: ["CoachEngine", "CoachJSON", "CoachScript", "CoachText"]),
        /// Compact JSON read and written as bytes, with a nesting limit: protocol lines, the journal, session files.
        .target(name: "CoachJSON"),
        /// The yearly cycle: agreements from the follow-up, deadlines read from text, the calendar file, status.
        .target(name: "CoachCycle", dependencies: ["CoachEngine", "CoachScript", "CoachStore", "CoachText"]),
        /// The chat-gateway protocol: JSON-RPC 2.0 lines in, lines out, and the journal records behind them.
        .target(name: "CoachProtocol", dependencies: ["CoachJSON", "CoachEngine", "CoachScript", "CoachStore", "CoachSummary", "CoachText", "CoachSpelling"]),
        /// GNU readline. On Debian, readline.pc pulls in flags SwiftPM rejects, so the module map links it directly.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
        /// Hunspell's C library (Debian: libhunspell-dev, hunspell-da, hunspell-en-gb), linked as readline is.
        .systemLibrary(name: "CHunspell", path: "Sources/CHunspell", providers: [.apt(["libhunspell-dev"]), .brew(["hunspell"])]),
        /// Suspected misspellings in what goes to the manager, with suggestions (the only importer of hunspell).
        .target(name: "CoachSpelling", dependencies: ["CHunspell", "CoachText"]),
        /// The terminal: line editing (the only importer of readline), signals, rendering.
        .target(name: "CoachTerminal", dependencies: ["CReadline", "CoachEngine", "CoachText"]),
        /// Finds and reads dialogue scripts and their golden tests on disk.
        .target(name: "CoachLibrary", dependencies: ["CoachScript", "CoachEngine", "CoachPlan", "CoachSummary", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "mus-coach",
            dependencies: [
                "CoachScript", "CoachEngine", "CoachPlan", "CoachLibrary", "CoachStore", "CoachTerminal", "CoachSummary", "CoachProtocol", "CoachCycle",
                "CoachSpelling", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds carry the Swift runtime and Foundation inside (-static-stdlib): resolving them
            // from shared libraries at every start costs more than loading the whole script. lld links
            // them without the static Foundation's note about glibc's mktemp (which gold prints), but it
            // does not read Swift's autolink entries, so the libraries are named here, as
            // swift-autolink-extract lists them for this toolchain.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"] + staticLibraries.map { "-l" + $0 },
                                          .when(configuration: .release))]
        ),
        /// Declares libFuzzer's driver entry point; linked only when built with `-sanitize=fuzzer`.
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        .executableTarget(name: "mus-coach-fuzz", dependencies: ["CoachScript", "CoachEngine", "CoachJSON", "CoachProtocol", "CoachStore", "CoachSummary",
                                                                "CoachText", "CoachSpelling", "CLibFuzzer"]),
        .executableTarget(
            name: "mus-coach-bench",
            dependencies: ["CoachScript", "CoachEngine", "CoachLibrary", "CoachText", "CoachSummary", "CoachPlan"],
            path: "Benchmarks/mus-coach-bench"
        ),
        /// Golden-file comparison and the external tools (Chromium, poppler-utils) the test targets check output with.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(name: "CoachTextTests", dependencies: ["CoachText"]),
        .testTarget(name: "CoachSpellingTests", dependencies: ["CoachSpelling", "CoachText"]),
        .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal"]),
        .testTarget(name: "CoachScriptTests", dependencies: ["CoachScript", "GoldenFiles"], exclude: ["Golden"]),
        .testTarget(name: "CoachEngineTests", dependencies: ["CoachEngine", "CoachScript", "CoachLibrary"]),
        .testTarget(name: "CoachPlanTests", dependencies: ["CoachPlan", "CoachEngine", "CoachScript", "CoachLibrary"]),
        .testTarget(name: "CoachStoreTests", dependencies: ["CoachStore", "CoachEngine"]),
        .testTarget(name: "CoachSummaryTests", dependencies: ["CoachSummary", "CoachPlan", "CoachLibrary", "CoachEngine", "CoachScript", "GoldenFiles"],
                    exclude: ["Golden"]),
        .testTarget(name: "CoachJSONTests", dependencies: ["CoachJSON"]),
        .testTarget(name: "CoachCycleTests", dependencies: ["CoachCycle", "CoachEngine", "CoachScript", "CoachStore", "CoachLibrary", "GoldenFiles"]),
        .testTarget(name: "CoachProtocolTests", dependencies: ["CoachProtocol", "CoachJSON", "CoachEngine", "CoachStore", "CoachLibrary", "CoachScript", "CoachSummary", "CoachText",
                                                              "CoachSpelling"]),
        .testTarget(name: "MusCoachCLITests", dependencies: ["mus-coach"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

/// kbcompile: a compiler from VuePress 2 + Plume knowledge bases to EPUB, LaTeX/PDF and single-file HTML.
///
/// Targets:
/// - `Compiler`: reads the collection and parses it into the intermediate representation (IR).
/// - `Backends`: the writers, each a plug-in over the IR.
/// - `CZip`, `CLibXML2`, `CDeflate`, `CZlib`: system libraries (libzip, libxml2, libdeflate, zlib) through pkg-config.
/// - `kbcompile`: the command line; argument parsing and file I/O only.
let package = Package(
    name: "kbcompile",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kbcompile", targets: ["kbcompile"]),
        .library(name: "Compiler", targets: ["Compiler"]),
        .library(name: "Backends", targets: ["Backends"]),
    ],
    dependencies: [
        // YAML: article frontmatter and `kbcompile.yml`.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Mustache: the LaTeX book template (`templates/latex/book.tex`), replaceable by the user.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // DEFLATE for the EPUB's files: libdeflate compresses whole buffers about twice as fast as
        // zlib at the same level; libzip writes the archive around the compressed data.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // Streamed DEFLATE (zlib) for the EPUB's navigation documents, which are deflated as they are
        // written instead of being held whole (19 MB of NCX at 10,000 articles).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // TeX math (KaTeX's dialect) → MathML and checked TeX.
        .target(
            name: "TeXMath",
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "Compiler",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                "CLibXML2",
                "TeXMath",
            ],
            // The parser's state objects are accessed in tight loops; release builds skip the
            // dynamic exclusivity checks (debug builds and tests keep them).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "Backends",
            dependencies: ["Compiler", "CZip", "CDeflate", "CZlib", "CLibXML2", "TeXMath", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "kbcompile",
            dependencies: ["Compiler", "Backends"]
        ),
        // `swift run -c release kbcompile-parse-bench FOLDER`: the parser alone, in memory, one core.
        .executableTarget(
            name: "kbcompile-parse-bench",
            dependencies: ["Compiler"],
            path: "bench/ParseBenchmark"
        ),
        // `swift run -c release kbcompile-math-bench ../shared`: TeX → MathML and checked TeX, one core.
        .executableTarget(
            name: "kbcompile-math-bench",
            dependencies: ["TeXMath"],
            path: "bench/MathBenchmark"
        ),
        // `swift run -c release kbcompile-pathological-bench`: growth of time with the size of hostile inputs.
        .executableTarget(
            name: "kbcompile-pathological-bench",
            dependencies: ["Compiler", "TeXMath", "TestSupport"],
            path: "bench/PathologicalBenchmark"
        ),
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "CompilerTests",
            dependencies: ["Compiler", "TestSupport"]
        ),
        .testTarget(
            name: "BackendsTests",
            dependencies: ["Backends", "Compiler", "CZip", "CDeflate", "CLibXML2", "TestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "TeXMathTests",
            dependencies: ["TeXMath"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["kbcompile", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only when `fuzz/run` builds them (`KBCOMPILE_FUZZ=1`, with `-sanitize=fuzzer`):
// their entry point hands over to libFuzzer's driver, which a normal build does not link.
if Context.environment["KBCOMPILE_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzerDriver", path: "fuzz/FuzzerDriver"),
        .executableTarget(name: "kbcompile-fuzz-markdown", dependencies: ["Compiler", "TeXMath", "FuzzerDriver"], path: "fuzz/MarkdownFuzzer"),
        .executableTarget(name: "kbcompile-fuzz-math", dependencies: ["TeXMath", "FuzzerDriver"], path: "fuzz/MathFuzzer"),
    ]
}

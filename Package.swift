// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module per stage, each depending only on the stages before it:
// text → tokens → syntax tree (CJMSyntax) → checked journey (CJMModel)
// → view graph values (CJMViewGraph, built by CJMMaps) → Graphviz bytes (CJMGraphviz)
// → files (CJMKit, which also ties the stages together for the thin `cjm` CLI).
let package = Package(
    name: "cjm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cjm", targets: ["cjm"]),
        .library(name: "CJMKit", targets: ["CJMKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Sockets and an event loop for `cjm watch`'s live preview: its FlyingSocks module only.
        // FlyingFox's HTTP module imports FoundationNetworking, which would load libcurl into
        // every `cjm` process (benchmarks/README.md); the preview reads its requests itself.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Our sources, like ArgumentParser and FlyingSocks, import FoundationEssentials, never all of
        // Foundation: that would bring FoundationInternationalization and ICU's data into every
        // `cjm` process, half of the static binary and a third of a real-sized check's start
        // (benchmarks/README.md; a test in EndToEndTests fails if it comes back).
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "CJMSyntax"),
        .target(name: "CJMModel", dependencies: ["CJMSyntax"]),
        .target(name: "CJMViewGraph"),
        .target(name: "CJMMaps", dependencies: ["CJMModel", "CJMViewGraph"]),
        // CJMSyntax only for `SourceNumber`, the one spelling of a number (DOT attributes, messages).
        .target(name: "CJMGraphviz", dependencies: ["CGraphviz", "CCairo", "CJMSyntax", "CJMViewGraph"]),
        // The starter journeys of `cjm init` are compiled into the binary from templates/
        // (Sources/CJMKit/Templates is a link to it), so an installed `cjm` needs no data files.
        .target(
            name: "CJMKit",
            dependencies: ["CJMSyntax", "CJMModel", "CJMViewGraph", "CJMMaps", "CJMGraphviz",
                           .product(name: "FlyingSocks", package: "FlyingFox")],
            resources: [
                .embedInCode("Templates/blank.cjm"),
                .embedInCode("Templates/service-center.cjm"),
                .embedInCode("Templates/online-store.cjm"),
            ]
        ),
        // `cjm lsp`: the Language Server Protocol over stdio, on the same front end as the CLI.
        .target(name: "CJMLanguageServer", dependencies: ["CJMSyntax", "CJMModel", "CJMMaps", "CJMKit"]),
        .executableTarget(
            name: "cjm",
            dependencies: ["CJMKit", "CJMLanguageServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // Graphviz's SVG plugin then calls CJMGraphviz's `gvprintdouble` (`GraphvizNumber`:
            // the same bytes, without snprintf) instead of libgvc's.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=gvprintdouble"])],
            plugins: ["BuildCommit"]
        ),
        // `cjm --version` names the git commit it was built from.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .testTarget(name: "CJMSyntaxTests", dependencies: ["CJMSyntax"]),
        .testTarget(name: "CJMModelTests", dependencies: ["CJMModel", "CJMSyntax"]),
        .testTarget(name: "CJMMapsTests", dependencies: ["CJMMaps", "CJMModel", "CJMSyntax", "CJMViewGraph", "CJMGraphviz"]),
        .testTarget(name: "CJMViewGraphTests", dependencies: ["CJMViewGraph"]),
        .testTarget(name: "CJMGraphvizTests", dependencies: ["CJMGraphviz", "CJMViewGraph"]),
        .testTarget(name: "CJMKitTests", dependencies: ["CJMKit"]),
        .testTarget(name: "CJMLanguageServerTests", dependencies: ["CJMLanguageServer", "CJMSyntax"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CJMKit"]),
    ]
)

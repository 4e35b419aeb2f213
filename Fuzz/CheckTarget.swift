// libFuzzer target `check`: arbitrary bytes through everything `cjm check` and the front of
// `cjm render` do in-process. Built only by scripts/fuzz.sh (never by `swift build`), with
// `-sanitize=fuzzer,address`; the modules are built with testing enabled for the internal
// policies checked below.
//
// Each input is the root file `fuzz.cjm`. Includes read from memory: `fuzz.cjm` itself (a
// cycle), `part.cjm` and `deep/part.cjm`, so the include paths are fuzzed without touching
// the disk. Properties beyond "no crash, no hang, no sanitizer report":
// - every diagnostic prints (text and JSON) for the files the collector holds;
// - a journey the checker accepts builds every map, and each map's request survives the
//   wire round trip unchanged, passes the render caps or is refused by them, and lowers into
//   a Graphviz graph without a refusal: whatever `check` lets through, the renderer takes
//   (the URL policies, the colour words, ids);
// - FMT HOOK (issue 20): once `cjm fmt` exists, format the checked file, check the result
//   again and require the same journey (see `formatRoundTrip` below).
import CJMSyntax
@testable import CJMModel
import CJMViewGraph
@testable import CJMMaps
@testable import CJMGraphviz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    CheckFuzzing.run(bytes)
    return 0
}

enum CheckFuzzing {
    /// Smaller than the standard caps so a fuzzed input reaches them.
    static let limits = Limits(maxFileBytes: 1 << 20, maxNestingDepth: 16, maxLabelLength: 200, maxElements: 2_000, maxErrors: 20)

    static let part = """
        channel fuzzpart "Часть" kind: phone url: "/part"
        include "deep/part.cjm"
        """
    static let deepPart = """
        page deep "Глубоко" url: "https://example.com/deep?q=1&r=2"
        include "../part.cjm"
        """

    static func run(_ bytes: [UInt8]) {
        let source: SourceFile
        switch SourceDecoder.decode(path: "fuzz.cjm", bytes: bytes, limits: limits) {
        case .success(let file): source = file
        case .failure(let diagnostic):
            print(diagnostic, sources: SourceMap(SourceDecoder.shownFile(path: "fuzz.cjm", bytes: bytes, limits: limits).map { [$0] } ?? []))
            return
        }
        let loader = IncludeLoader.inMemory(["fuzz.cjm": source.text, "part.cjm": part, "deep/part.cjm": deepPart])
        let result = Checker.check(source, limits: limits, loader: loader)
        for diagnostic in result.diagnostics { print(diagnostic, sources: result.sources) }
        guard let journey = result.validJourney else { return }
        renderFront(journey)
        formatRoundTrip(source, checked: journey)
    }

    /// The diagnostic must print without trapping; the text goes nowhere.
    static func print(_ diagnostic: Diagnostic, sources: SourceMap) {
        let printer = DiagnosticPrinter(sources: sources, colored: true)
        let text = printer.text(diagnostic) + printer.jsonLine(diagnostic)
        precondition(!text.isEmpty)
    }

    /// Every map of a valid journey, up to the Graphviz layout (which runs only in the worker).
    static func renderFront(_ journey: Journey) {
        let theme = Theme.named(journey.theme, styles: journey.styles)
        for name in MapCatalog.names(in: journey) {
            guard let graph = MapCatalog.build(view: name, journey: journey, persona: nil, theme: theme) else {
                fatalError("MapCatalog lists `\(name)` but builds nothing")
            }
            for format in [OutputFormat.svg, .png] {
                let request = RenderRequest(graph: graph, format: format)
                let wire = request.wireBytes
                guard let back = try? RenderRequest(wireBytes: wire), back == request else {
                    fatalError("the wire round trip changed the request of `\(name)`")
                }
            }
            for url in graph.nodes.compactMap(\.url) where SafeURL.forGraphviz(url) == nil {
                fatalError("the checker accepted `url: \(url.debugDescription)`, the renderer refuses it")
            }
            do throws(RenderFailure) {
                try RequestCheck.validate(RenderRequest(graph: graph, format: .svg))
            } catch {
                // A journey within the checker's caps can still make a map over the render
                // caps; that is a reported failure (exit 65), not a crash.
                continue
            }
            do throws(RenderFailure) {
                let cgraph = try CGraph(name: "cjm")
                try ViewGraphLowering(view: graph, format: .svg, dpi: 96).lower(into: cgraph)
            } catch {
                fatalError("a checked journey's map `\(name)` was refused by the lowering: \(error)")
            }
        }
    }

    /// FMT HOOK (issue 20): `cjm fmt` is being built in CJMSyntax/Printing by another change.
    /// When it lands, print `source`'s syntax tree back to text here, check that text again
    /// with the same loader, and `precondition` that it gives the same journey as `checked`
    /// (and that formatting the formatted text changes nothing).
    static func formatRoundTrip(_ source: SourceFile, checked: Journey) {}
}
